// Network isolation (main.bicep's enableNetworkIsolation): the function app's outbound traffic goes through a subnet
// of its own virtual network (Flex Consumption VNet integration), and storage (blob, queue, table) and Key Vault are
// reached through private endpoints in a second subnet, with private DNS zones so their usual host names resolve to
// the private addresses inside the network. storage.bicep and keyvault.bicep then close their public endpoints.
//
//   vnet-<token>                       addressPrefix, e.g. 10.40.0.0/16
//   ├─ snet-app                        /24, delegated to Microsoft.App/environments (Flex Consumption)
//   └─ snet-private-endpoints          /24, the four private endpoints
//   privatelink.{blob,queue,table}.<storage suffix>, privatelink.vaultcore.azure.net (each linked to the network)

@description('Virtual network name.')
param name string

@description('Azure region.')
param location string

@description('Resource tags.')
param tags object = {}

@description('Address space of the virtual network (/16 to /23); the two subnets are its first two /24 blocks.')
param addressPrefix string

@description('Storage account the private endpoints for blob, queue and table connect to.')
param storageAccountName string

@description('Key Vault the vault private endpoint connects to.')
param keyVaultName string

var appSubnetName = 'snet-app'
var privateEndpointSubnetName = 'snet-private-endpoints'

// groupId of each private endpoint -> its private DNS zone (names from the cloud's own suffixes, not hard-coded hosts).
var storageEndpoints = [
  {
    groupId: 'blob'
    zone: 'privatelink.blob.${environment().suffixes.storage}'
  }
  {
    groupId: 'queue'
    zone: 'privatelink.queue.${environment().suffixes.storage}'
  }
  {
    groupId: 'table'
    zone: 'privatelink.table.${environment().suffixes.storage}'
  }
]
var keyVaultZone = 'privatelink${replace(environment().suffixes.keyvaultDns, '.vault.', '.vaultcore.')}'

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' existing = {
  name: keyVaultName
}

resource vnet 'Microsoft.Network/virtualNetworks@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: appSubnetName
        properties: {
          addressPrefix: cidrSubnet(addressPrefix, 24, 0)
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
          // SendGrid, Microsoft Graph, the Teams workflow and Application Insights are on the internet; the app reaches
          // them from this subnet. Add a NAT gateway for a fixed outbound address (not part of this template).
          defaultOutboundAccess: true
        }
      }
      {
        name: privateEndpointSubnetName
        properties: {
          addressPrefix: cidrSubnet(addressPrefix, 24, 1)
          privateEndpointNetworkPolicies: 'Disabled'
          defaultOutboundAccess: false
        }
      }
    ]
  }

  resource appSubnet 'subnets' existing = {
    name: appSubnetName
  }

  resource privateEndpointSubnet 'subnets' existing = {
    name: privateEndpointSubnetName
  }
}

resource storageZones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for endpoint in storageEndpoints: {
    name: endpoint.zone
    location: 'global'
    tags: tags
  }
]

resource storageZoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (endpoint, i) in storageEndpoints: {
    parent: storageZones[i]
    name: '${name}-link'
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: vnet.id
      }
    }
  }
]

resource storageEndpointsResource 'Microsoft.Network/privateEndpoints@2025-05-01' = [
  for (endpoint, i) in storageEndpoints: {
    name: 'pe-${storage.name}-${endpoint.groupId}'
    location: location
    tags: tags
    properties: {
      subnet: {
        id: vnet::privateEndpointSubnet.id
      }
      privateLinkServiceConnections: [
        {
          name: 'pe-${storage.name}-${endpoint.groupId}'
          properties: {
            privateLinkServiceId: storage.id
            groupIds: [
              endpoint.groupId
            ]
          }
        }
      ]
    }
  }
]

resource storageEndpointZoneGroups 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-05-01' = [
  for (endpoint, i) in storageEndpoints: {
    parent: storageEndpointsResource[i]
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        {
          name: endpoint.groupId
          properties: {
            privateDnsZoneId: storageZones[i].id
          }
        }
      ]
    }
  }
]

resource keyVaultDnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: keyVaultZone
  location: 'global'
  tags: tags
}

resource keyVaultZoneLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: keyVaultDnsZone
  name: '${name}-link'
  location: 'global'
  tags: tags
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnet.id
    }
  }
}

resource keyVaultEndpoint 'Microsoft.Network/privateEndpoints@2025-05-01' = {
  name: 'pe-${vault.name}-vault'
  location: location
  tags: tags
  properties: {
    subnet: {
      id: vnet::privateEndpointSubnet.id
    }
    privateLinkServiceConnections: [
      {
        name: 'pe-${vault.name}-vault'
        properties: {
          privateLinkServiceId: vault.id
          groupIds: [
            'vault'
          ]
        }
      }
    ]
  }
}

resource keyVaultEndpointZoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-05-01' = {
  parent: keyVaultEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'vault'
        properties: {
          privateDnsZoneId: keyVaultDnsZone.id
        }
      }
    ]
  }
}

output vnetName string = vnet.name
output appSubnetId string = vnet::appSubnet.id
output privateEndpointSubnetId string = vnet::privateEndpointSubnet.id
