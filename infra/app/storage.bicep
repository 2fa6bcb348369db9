// Storage account for the Functions host (AzureWebJobsStorage), the Flex Consumption
// deployment package, and the app's own data: tables (plans, updates, reminder log,
// inbound messages), queues (reminders, reminders-poison) and blob containers
// (raw inbound mail, attachments, reports). The app creates its own tables, queues and
// containers on first use; only the deployment container is declared here.
// Shared-key access is disabled: every caller uses Entra ID (managed identity or az login).

@description('Storage account name (3-24 lower-case letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Resource tags.')
param tags object = {}

@description('Blob container that holds the Flex Consumption deployment package.')
param deploymentContainerName string

@description('Replication. LRS keeps data in one UK region; ZRS adds zone redundancy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
])
param skuName string = 'Standard_LRS'

@description('Days a deleted blob or container can be recovered. Deleted personal data is kept this long before it is gone for good.')
@minValue(1)
@maxValue(365)
param deleteRetentionDays int = 7

@description('Network isolation (main.bicep enableNetworkIsolation): deny the public endpoint; the app comes in through its private endpoints (network.bicep).')
param networkIsolation bool = false

@description('With networkIsolation: one public IPv4 address or range (CIDR up to /30) still let in, e.g. an operator\'s machine. Empty: the public endpoint is off.')
param allowedIpRange string = ''

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    dnsEndpointType: 'Standard'
    minimumTlsVersion: 'TLS1_2'
    publicNetworkAccess: !networkIsolation || !empty(allowedIpRange) ? 'Enabled' : 'Disabled'
    supportsHttpsTrafficOnly: true
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: networkIsolation ? 'Deny' : 'Allow'
      ipRules: networkIsolation && !empty(allowedIpRange)
        ? [
            {
              value: allowedIpRange
              action: 'Allow'
            }
          ]
        : []
      virtualNetworkRules: []
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-06-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: deleteRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: deleteRetentionDays
    }
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

output name string = storage.name
output id string = storage.id
output blobEndpoint string = storage.properties.primaryEndpoints.blob
