// CspFunctions - Azure infrastructure (azd). Subscription scope: creates the resource group.
//
//   rg-<env>
//   ├─ id-api-<token>      user-assigned identity (all data access, Key Vault refs, AI ingestion)
//   ├─ st<token>           storage: host + app tables/queues/blobs + deployment package
//   ├─ kv-<token>          Key Vault (RBAC); secrets are set by the operator, never by this template
//   ├─ log-/appi-<token>   Log Analytics + Application Insights (local auth disabled)
//   ├─ plan-<token>        Flex Consumption FC1
//   ├─ func-api-<token>    function app (dotnet-isolated 10.0), optional Entra sign-in for managers
//   └─ vnet-<token> ...    only with enableNetworkIsolation: VNet integration, private endpoints + DNS for storage and
//                          Key Vault, whose public endpoints are then closed (app/network.bicep, docs/operations.md)
//
// App setting names are listed once, in settings.json; this file supplies the values.

targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; used for the resource group name and the resource name hash.')
param environmentName string

@minLength(1)
@description('Azure region for all resources. Must support Flex Consumption, e.g. uksouth.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Optional object id of the deploying user (azd sets AZURE_PRINCIPAL_ID). Gets data-plane roles only when grantDeveloperDataAccess is true.')
param principalId string = ''

@description('Development only: give principalId standing data-plane roles (storage blob/queue/table data, Key Vault Secrets Officer) to debug against the real account and set secrets. Leave false in production: grant time-bound access when needed (docs/operations.md, step 4).')
param grantDeveloperDataAccess bool = false

@description('Principal type of principalId: User for a person running azd, ServicePrincipal for CI.')
@allowed([
  'User'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('Turn on App Service Authentication (Entra ID) so managers and board members can sign in. Off: every people\'s route answers 503 (docs/security.md).')
param enableManagerAuth bool = false

@description('Client id of the Entra app registration used for manager sign-in (required when enableManagerAuth is true).')
param managerAuthClientId string = ''

@description('Days raw inbound e-mail is kept before the RetentionTimer deletes it (evidence linked to updates is kept).')
@minValue(1)
@maxValue(3650)
param inboundMailRetentionDays int = 365

@description('Emailed replies count as a contact\'s only when SendGrid\'s SPF or DKIM results verify the From domain. false only for a trial tenant.')
param requireSenderAuthentication bool = true

@description('Public https base URL for links in e-mails (e.g. a custom domain). Empty = https://<function app default host name>.')
param publicBaseUrl string = ''

@description('From address for outbound e-mail; must be on a SendGrid-authenticated domain.')
@minLength(3)
param sendGridFromEmail string

@description('Display name for outbound e-mail.')
param sendGridFromName string = 'Community Safety Partnership'

@description('Inbound Parse host name whose MX points at mx.sendgrid.net, e.g. reply.example.org.')
@minLength(3)
param sendGridInboundDomain string

@description('Application (client) id of the Entra app that sends Teams activity notifications (Graph TeamsActivity.Send).')
param graphClientId string

@description('Teams app catalog id of the uploaded teams/manifest.json app. Empty until the Teams app is uploaded.')
param graphTeamsAppId string = ''

// Optional secrets: the Key Vault reference is created only when the operator says the secret is in the vault,
// so an optional secret never leaves a literal @Microsoft.KeyVault(...) in the app settings (infra/settings.json
// "onlyWhenParameter" names the parameter of each).
@description('The vault holds sendgrid-event-webhook-public-key (signed Event Webhook). Without it bounces are not recorded.')
param hasSendGridEventWebhookPublicKey bool = false

@description('The vault holds sendgrid-inbound-parse-public-key (signed Inbound Parse). Without it the function key alone guards the route.')
param hasSendGridInboundParsePublicKey bool = false

@description('The vault holds graph-client-secret. Without it no Teams activity notifications are sent.')
param hasGraphClientSecret bool = false

@description('The vault holds board-workflow-webhook-url. Without it the board channel is not notified (shown as not configured).')
param hasBoardWorkflowWebhookUrl bool = false

@description('Network isolation: the function app joins a virtual network (Flex Consumption VNet integration), storage and Key Vault get private endpoints and private DNS, and their public endpoints are closed. Costs the private endpoints; see docs/operations.md "Network isolation" for what stops working from outside.')
param enableNetworkIsolation bool = false

@description('With enableNetworkIsolation: address space of the virtual network (/16 to /23; the first two /24 blocks become the app and private-endpoint subnets).')
param networkAddressPrefix string = '10.40.0.0/16'

@description('With enableNetworkIsolation: one public IPv4 address (or CIDR range, /30 or wider) still allowed through the storage and Key Vault firewalls, e.g. the operator setting secrets. Empty: their public endpoints are off.')
param networkAllowedIpRange string = ''

var abbrs = loadJsonContent('abbreviations.json')
var settings = loadJsonContent('settings.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = '${abbrs.webSitesFunctions}api-${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(toLower(uniqueString(functionAppName, resourceToken)), 7)}'
var keyVaultName = '${abbrs.keyVaultVaults}${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    networkIsolation: enableNetworkIsolation
    allowedIpRange: networkAllowedIpRange
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
    networkIsolation: enableNetworkIsolation
    allowedIpRange: networkAllowedIpRange
  }
}

module network 'app/network.bicep' = if (enableNetworkIsolation) {
  name: 'network'
  scope: rg
  params: {
    name: '${abbrs.networkVirtualNetworks}${resourceToken}'
    location: location
    tags: tags
    addressPrefix: networkAddressPrefix
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    managedIdentityPrincipalId: identity.outputs.principalId
    userPrincipalId: grantDeveloperDataAccess ? principalId : ''
    userPrincipalType: principalType
  }
}

// Values for every name in settings.json "setByBicep" (Csp__PublicBaseUrl is computed in
// app/api.bicep from the app's host name unless publicBaseUrl is given).
var settingValues = {
  // Functions host and the app's table/queue/blob clients: identity-based, no keys.
  AzureWebJobsStorage__accountName: storage.outputs.name
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.outputs.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.outputs.clientId};Authorization=AAD'
  Csp__TablePrefix: 'csp'
  // Signing key ids: Csp__LinkSigning__Keys__<id> come from Key Vault (settings.json).
  Csp__LinkSigning__ActiveKeyId: 'k1'
  Csp__SendGrid__FromEmail: sendGridFromEmail
  Csp__SendGrid__FromName: sendGridFromName
  Csp__SendGrid__InboundDomain: sendGridInboundDomain
  Csp__SendGrid__SandboxMode: 'false'
  Csp__SendGrid__RequireSenderAuthentication: string(requireSenderAuthentication)
  Csp__Graph__TenantId: tenant().tenantId
  Csp__Graph__ClientId: graphClientId
  Csp__Graph__TeamsAppId: graphTeamsAppId
  Csp__Retention__InboundMailDays: string(inboundMailRetentionDays)
  // The queue triggers bind to these (%Csp:Queues:...%); the code that enqueues reads the same settings.
  Csp__Queues__Reminders: 'cspreminders'
  Csp__Queues__BoardNotices: 'cspboardnotices'
  // Empty in Azure: real SendGrid/Graph/Teams providers, no file outbox.
  Csp__Outbox__Path: ''
}

var optionalSecretsPresent = {
  hasSendGridEventWebhookPublicKey: hasSendGridEventWebhookPublicKey
  hasSendGridInboundParsePublicKey: hasSendGridInboundParsePublicKey
  hasGraphClientSecret: hasGraphClientSecret
  hasBoardWorkflowWebhookUrl: hasBoardWorkflowWebhookUrl
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    serviceName: 'api'
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    identityId: identity.outputs.resourceId
    keyVaultName: keyVault.outputs.name
    settingNames: settings.setByBicep
    settingValues: settingValues
    secretSettings: filter(settings.secretsOperatorProvides, s => empty(s.?onlyWhenParameter ?? '') || optionalSecretsPresent[s.?onlyWhenParameter ?? ''])
    publicBaseUrl: publicBaseUrl
    instanceMemoryMB: 2048
    maximumInstanceCount: 40
    virtualNetworkSubnetId: enableNetworkIsolation ? network!.outputs.appSubnetId : ''
  }
  // The app must not start before it can read storage and Key Vault (with network isolation it also waits for the
  // network module, private endpoints and DNS included, through virtualNetworkSubnetId).
  dependsOn: [
    rbac
  ]
}

module auth 'app/auth.bicep' = if (enableManagerAuth) {
  name: 'auth'
  scope: rg
  params: {
    functionAppName: api.outputs.name
    clientId: managerAuthClientId
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${api.outputs.defaultHostName}'
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
output CSP_PUBLIC_BASE_URL string = api.outputs.publicBaseUrl
output SERVICE_API_NAME string = api.outputs.name
