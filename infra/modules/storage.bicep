// One account serves the Functions host, the Flex Consumption deployment package, and the bot's
// state and records: at this scale a second account would only add cost and wiring.

param name string
param location string
param tags object
param stateContainerName string
param recordsTableName string
param ticketsContainerName string

@description('Principal id of the identity that the app runs as.')
param principalId string

// Flex Consumption reads the app's package from this container; nothing else writes to it.
var deploymentContainerName = 'app-package'

// Built-in role ids, the same in every tenant.
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // The app's state and records clients take a connection string (STATE_STORAGE_CONNECTION_STRING),
    // which carries the account key. The host and the deployment use the identity instead.
    allowSharedKeyAccess: true
  }

  resource blobService 'blobServices' = {
    name: 'default'

    resource deploymentContainer 'containers' = {
      name: deploymentContainerName
      properties: {
        publicAccess: 'None'
      }
    }

    resource stateContainer 'containers' = {
      name: stateContainerName
      properties: {
        publicAccess: 'None'
      }
    }

    // Questions for the teaching team and the conversation references that answer them.
    resource ticketsContainer 'containers' = {
      name: ticketsContainerName
      properties: {
        publicAccess: 'None'
      }
    }
  }

  resource tableService 'tableServices' = {
    name: 'default'

    resource recordsTable 'tables' = {
      name: recordsTableName
    }
  }
}

// Blob, queue and table: the Functions host keeps its leases, timers and diagnostics in all three
// when AzureWebJobsStorage is identity-based; Blob Data Owner also covers the deployment container.
resource roleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in items(roles): {
    name: guid(storage.id, principalId, role.value)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]

output name string = storage.name
output deploymentContainerUrl string = '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
