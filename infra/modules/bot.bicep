// The Azure Bot resource: it registers the app's messaging endpoint with the Bot Framework and
// connects it to Teams and Direct Line (which Web Chat uses).

param name string
param displayName string
param sku string
param tags object

@description('Name of the Function App that hosts the messaging endpoint.')
param functionAppName string

@description('Resource id of the user-assigned identity the bot authenticates as.')
param identityId string

@description('Client id of that identity: the bot\'s Microsoft App Id.')
param identityClientId string

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  // Azure Bot resources are global; a regional bot would also move the Direct Line endpoint.
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    // Read from the app rather than built from its name: Flex Consumption apps can get a
    // unique, regional default host name.
    endpoint: 'https://${functionApp.properties.defaultHostName}/api/messages'
    // A managed identity instead of an app registration: no password to store or rotate.
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: identityId
    publicNetworkAccess: 'Enabled'
  }

  resource teams 'channels' = {
    name: 'MsTeamsChannel'
    location: 'global'
    properties: {
      channelName: 'MsTeamsChannel'
      properties: {
        isEnabled: true
        // The portal asks to accept the Teams channel's terms when the channel is added; a
        // template-created channel otherwise starts with them unaccepted.
        acceptedTerms: true
      }
    }
  }

  resource directLine 'channels' = {
    name: 'DirectLineChannel'
    location: 'global'
    properties: {
      channelName: 'DirectLineChannel'
      properties: {
        sites: [
          {
            siteName: 'Web Chat'
            isEnabled: true
            // Web Chat speaks Direct Line 3.0; version 1 is legacy.
            isV1Enabled: false
            isV3Enabled: true
            // The app exchanges the secret for a token server-side, so the browser never sees it.
            isSecureSiteEnabled: false
            // The bot answers text; it has no use for uploaded files.
            isBlockUserUploadEnabled: true
          }
        ]
      }
    }
  }
}

output name string = bot.name
