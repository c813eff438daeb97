// Every app setting the app reads in Azure, in one place. src/config.ts's SETTINGS map says which
// settings belong here ('azure'); test/infra/bicep.test.ts keeps the two in step.
// The two secrets are read here from their resources, so they never pass through a parameter or
// an output, where deployment history would keep them.

param functionAppName string
param storageAccountName string
param applicationInsightsName string
param botName string

@description('Client id of the identity the app runs as: the bot\'s Microsoft App Id.')
param identityClientId string

param stateContainerName string
param recordsTableName string

@secure()
param hashSalt string

param maxBodyBytes int
param maxMessageChars int
param recordQuestions bool
param storageTimeoutMs int

@description('Other sites allowed to embed the chat and ask for Direct Line tokens, comma-separated origins (ALLOWED_ORIGINS). Empty: only the app itself.')
param allowedOrigins string

param ticketsContainerName string
param staffTeamsChannelId string
param staffTeamsServiceUrl string
param staffUserIds string

@secure()
param staffSignInClientSecret string

// The Direct Line endpoint of a global bot (bot.bicep keeps it global).
var directLineEndpoint = 'https://directline.botframework.com'

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' existing = {
  name: botName

  resource directLine 'channels' existing = {
    name: 'DirectLineChannel'
  }
}

// This resource replaces the app's whole settings collection: a setting made by hand in the
// portal disappears at the next `azd provision` unless it is added here.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: {
    // The Functions host reaches its storage as the managed identity: no key in these settings.
    AzureWebJobsStorage__accountName: storage.name
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString

    // The bot authenticates to the Bot Framework as the same identity.
    MicrosoftAppType: 'UserAssignedMSI'
    MicrosoftAppId: identityClientId
    MicrosoftAppTenantId: tenant().tenantId

    MAX_BODY_BYTES: string(maxBodyBytes)
    // The Functions host's own limit (documented in the app settings reference; not among the
    // settings Flex Consumption deprecates), held to the app's: an oversized body is refused with a
    // 413 by the host, before the Node worker receives and buffers it. The host's default is 100 MB.
    FUNCTIONS_REQUEST_BODY_SIZE_LIMIT: string(maxBodyBytes)
    MAX_MESSAGE_CHARS: string(maxMessageChars)
    STORAGE_TIMEOUT_MS: string(storageTimeoutMs)
    // Spelled out: string(true) gives 'True', and the app's boolean parser is the judge of case.
    RECORD_QUESTIONS: recordQuestions ? 'true' : 'false'

    // botbuilder's blob storage and the Tables client take a connection string, not a credential.
    STATE_STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
    STATE_CONTAINER: stateContainerName
    RECORDS_TABLE: recordsTableName
    HASH_SALT: hashSalt

    // The Direct Line site's secret: the channel returns it only through listChannelWithKeys. For
    // API version 2022-09-15 the response type (ListChannelWithKeysResponse) carries the sites with
    // their keys in `setting` (ChannelSettings); the REST spec's example response has them there too.
    // `properties.properties.sites`, which some scripts read from `az rest`, is the discriminated
    // channel copy, which Bicep cannot type. The channel has one site, so sites[0] is "Web Chat".
    DIRECT_LINE_SECRET: bot::directLine.listChannelWithKeys().setting.sites[0].key
    DIRECT_LINE_ENDPOINT: directLineEndpoint
    ALLOWED_ORIGINS: allowedOrigins

    // "Ask the teaching team": tickets next to the state, the staff channel, and who is staff.
    TICKETS_CONTAINER: ticketsContainerName
    STAFF_TEAMS_CHANNEL_ID: staffTeamsChannelId
    STAFF_TEAMS_SERVICE_URL: staffTeamsServiceUrl
    STAFF_USER_IDS: staffUserIds
    // Read by App Service authentication (staffSignIn.bicep), not by the app.
    MICROSOFT_PROVIDER_AUTHENTICATION_SECRET: staffSignInClientSecret
  }
}
