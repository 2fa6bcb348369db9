// Key Vault for the app's secrets. RBAC-authorised (no access policies), soft delete and
// purge protection on. The template creates NO secrets: the operator sets them after
// deployment (see docs/operations.md and infra/settings.json), and the function app reads
// them through Key Vault references resolved with its user-assigned identity.
// Purge protection cannot be turned off again, and a deleted vault keeps its name for
// softDeleteRetentionInDays: reuse an environment name only after recovering the vault.

@description('Key Vault name (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Resource tags.')
param tags object = {}

@description('Days a deleted vault or secret is kept before it can be purged.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

output name string = vault.name
output id string = vault.id
output uri string = vault.properties.vaultUri
