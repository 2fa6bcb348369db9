// Flex Consumption (FC1) plan + Linux function app for CspFunctions (.NET 10 isolated worker).
//
// App settings are built from two lists that live in infra/settings.json (also read by a
// C# test that compares them with the settings the app reads):
//   - settingNames: plain values; each name must have a value in settingValues (main.bicep),
//     apart from Csp__PublicBaseUrl which is computed here from the app's host name.
//     A name with no value fails the deployment instead of being silently left unset.
//   - secretSettings: Key Vault references (main.bicep drops an optional secret the operator has not stored). The operator puts the secret values in the vault;
//     the platform resolves them with the user-assigned identity (keyVaultReferenceIdentity).

@description('Function app name.')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Azure region. Must support Flex Consumption (az functionapp list-flexconsumption-locations).')
param location string

@description('Resource tags; azd-service-name is added to the function app.')
param tags object = {}

@description('azd service name; must match the service in azure.yaml.')
param serviceName string = 'api'

@description('Storage account holding the deployment package container.')
param storageAccountName string

@description('Blob container for the deployment package.')
param deploymentContainerName string

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Key Vault holding the secrets referenced by app settings.')
param keyVaultName string

@description('Names of the plain app settings (infra/settings.json "setByBicep").')
param settingNames string[]

@description('Values for settingNames, keyed by setting name.')
param settingValues object

@description('Key Vault-backed settings (infra/settings.json "secretsOperatorProvides").')
param secretSettings {
  setting: string
  secretName: string
  onlyWhenParameter: string?
}[]

@description('Public https base URL used in e-mailed links. Empty = https://<default host name>.')
param publicBaseUrl string = ''

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Upper bound on instances; also caps concurrent load on SendGrid and Graph.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Subnet delegated to Microsoft.App/environments for Flex Consumption VNet integration (network.bicep). Empty: no VNet integration.')
param virtualNetworkSubnetId string = ''

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references (@Microsoft.KeyVault(...)) are resolved with the UAMI.
    keyVaultReferenceIdentity: identityId
    // With network isolation every outbound call (storage, Key Vault references, the deployment package) leaves through
    // this subnet and reaches storage and Key Vault at their private endpoints.
    virtualNetworkSubnetId: empty(virtualNetworkSubnetId) ? null : virtualNetworkSubnetId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        alwaysReady: [] // scale to zero; timers and the queue wake the app
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// azd deploys with Entra ID (OneDeploy), so publishing user names/passwords are switched off.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

var effectivePublicBaseUrl = empty(publicBaseUrl) ? 'https://${functionApp.properties.defaultHostName}' : publicBaseUrl

var plainSettings = toObject(
  filter(settingNames, n => n != 'Csp__PublicBaseUrl'),
  n => n,
  n => string(settingValues[n])
)

var keyVaultReferenceSettings = toObject(
  secretSettings,
  s => s.setting,
  s => '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${s.secretName})'
)

resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(plainSettings, keyVaultReferenceSettings, {
    Csp__PublicBaseUrl: effectivePublicBaseUrl
  })
}

output name string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
output publicBaseUrl string = effectivePublicBaseUrl
