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

@description('Network isolation (main.bicep enableNetworkIsolation): deny the public endpoint; the app comes in through its private endpoint (network.bicep).')
param networkIsolation bool = false

@description('With networkIsolation: one public IPv4 address or CIDR range still let in, e.g. the operator who sets the secrets. Empty: the public endpoint is off.')
param allowedIpRange string = ''

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
    publicNetworkAccess: !networkIsolation || !empty(allowedIpRange) ? 'Enabled' : 'Disabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: networkIsolation ? 'Deny' : 'Allow'
      ipRules: networkIsolation && !empty(allowedIpRange)
        ? [
            {
              value: allowedIpRange
            }
          ]
        : []
      virtualNetworkRules: []
    }
  }
}

output name string = vault.name
output id string = vault.id
output uri string = vault.properties.vaultUri
