// One identity does three jobs: the bot's Microsoft App Id (no app password to rotate), the
// Functions host's storage connection, and the Flex Consumption deployment container's reader.

param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
