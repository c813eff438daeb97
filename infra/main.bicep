// CloudBot on Azure: everything `azd up` creates. The subscription scope lets azd create the
// resource group too, so one command goes from an empty subscription to a running bot.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment. It seeds every resource name, so two environments never collide.')
param environmentName string

@minLength(1)
@description('Region for everything except the bot, which is global. It must offer the Flex Consumption plan.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@allowed([
  'F0'
  'S1'
])
@description('Azure Bot pricing tier. F0 is free for standard channels such as Teams; Direct Line is a premium channel.')
param botSku string = 'F0'

@description('Name the bot shows in Teams and Web Chat.')
param botDisplayName string = 'CloudBot'

// azd generates the salt once and keeps it in the environment, so that record hashes stay
// comparable across `azd provision` runs. A template default (newGuid) would change it on every run.
@secure()
@description('Salt for the hashes that replace user and conversation ids in records (HASH_SALT).')
@metadata({
  azd: {
    type: 'generate'
    config: {
      length: 32
    }
  }
})
param hashSalt string

// The ranges repeat those in src/config.ts, so a bad value fails here instead of at the app's start.
@minValue(1024)
@maxValue(1048576)
@description('Largest request body the messages endpoint accepts, in bytes (MAX_BODY_BYTES).')
param maxBodyBytes int = 65536

@minValue(16)
@maxValue(10000)
@description('Longest question the bot reads, in characters (MAX_MESSAGE_CHARS).')
param maxMessageChars int = 500

// main.parameters.json maps it to the azd environment variable ALLOWED_ORIGINS (empty when unset),
// so `azd env set ALLOWED_ORIGINS https://course.example.org` then `azd provision` sets it.
@description('Other sites allowed to embed the chat and ask for Direct Line tokens: comma-separated bare origins such as https://course.example.org (ALLOWED_ORIGINS). Empty: only the app itself.')
param allowedOrigins string = ''

@description('Whether unanswered questions are recorded, hashed, in the records table (RECORD_QUESTIONS).')
param recordQuestions bool = true

// "Ask the teaching team". main.parameters.json maps each to the azd environment variable of the
// same name, so `azd env set STAFF_TEAMS_CHANNEL_ID 19:…@thread.tacv2` then `azd provision` turns it on.
@description('The Teams channel that receives students\' questions for the teaching team (STAFF_TEAMS_CHANNEL_ID): its id, 19:…@thread.tacv2, with CloudBot added to that team. Empty: the offer is off, which the app logs once at start.')
param staffTeamsChannelId string = ''

@description('The Bot Connector base URL of the staff team\'s region (STAFF_TEAMS_SERVICE_URL), as Teams sends it in serviceUrl.')
param staffTeamsServiceUrl string = 'https://smba.trafficmanager.net/teams/'

@description('Entra object ids of the teaching team, comma-separated (STAFF_USER_IDS): who may take and answer questions in the channel and open the dashboard. Empty: anyone in the staff channel may answer, and the dashboard is off.')
param staffUserIds string = ''

@description('Client id of an Entra app registration for staff sign-in to /api/staff/dashboard (App Service authentication). Empty: no sign-in is configured and the dashboard stays off.')
param staffSignInClientId string = ''

@secure()
@description('That registration\'s client secret, kept as the app setting App Service authentication reads (MICROSOFT_PROVIDER_AUTHENTICATION_SECRET).')
param staffSignInClientSecret string = ''

@minValue(100)
@maxValue(10000)
@description('Upper bound on every storage call, in milliseconds (STORAGE_TIMEOUT_MS).')
param storageTimeoutMs int = 2000

@allowed([
  512
  2048
  4096
])
@description('Memory of each Flex Consumption instance. Execution is billed per GB-second, so smaller is cheaper.')
param instanceMemoryMB int = 2048

@minValue(40)
@maxValue(1000)
@description('Most instances the app may scale out to; a ceiling on cost under a burst of traffic.')
param maximumInstanceCount int = 40

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
// The app reads these names; src/config.ts has the same defaults.
var stateContainerName = 'cloudbot-state'
var recordsTableName = 'cloudbotrecords'
var ticketsContainerName = 'cloudbot-tickets'

resource rg 'Microsoft.Resources/resourceGroups@2022-09-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-cloudbot-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-cloudbot-${resourceToken}'
    applicationInsightsName: 'appi-cloudbot-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'stcloudbot${resourceToken}'
    location: location
    tags: tags
    stateContainerName: stateContainerName
    ticketsContainerName: ticketsContainerName
    recordsTableName: recordsTableName
    principalId: identity.outputs.principalId
  }
}

module functionApp 'modules/functionApp.bicep' = {
  name: 'functionApp'
  scope: rg
  params: {
    name: 'func-cloudbot-${resourceToken}'
    planName: 'plan-cloudbot-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  scope: rg
  params: {
    name: 'bot-cloudbot-${resourceToken}'
    displayName: botDisplayName
    sku: botSku
    tags: tags
    functionAppName: functionApp.outputs.name
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
  }
}

// Last, because two settings need the others: the Direct Line key exists only once the bot's
// channel does, and the bot's endpoint needs the app's host name.
// It replaces the app's whole settings collection on every `azd provision`: a setting added by
// hand in the portal is wiped unless it is added to modules/appSettings.bicep.
module appSettings 'modules/appSettings.bicep' = {
  name: 'appSettings'
  scope: rg
  params: {
    functionAppName: functionApp.outputs.name
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    botName: bot.outputs.name
    identityClientId: identity.outputs.clientId
    stateContainerName: stateContainerName
    recordsTableName: recordsTableName
    hashSalt: hashSalt
    maxBodyBytes: maxBodyBytes
    maxMessageChars: maxMessageChars
    recordQuestions: recordQuestions
    storageTimeoutMs: storageTimeoutMs
    allowedOrigins: allowedOrigins
    ticketsContainerName: ticketsContainerName
    staffTeamsChannelId: staffTeamsChannelId
    staffTeamsServiceUrl: staffTeamsServiceUrl
    staffUserIds: staffUserIds
    staffSignInClientSecret: staffSignInClientSecret
  }
}

// Staff sign-in in front of the dashboard, only when a registration is given. Every other route
// (the bot's endpoint, the chat page) stays anonymous: the dashboard itself asks for a principal.
module staffSignIn 'modules/staffSignIn.bicep' = if (!empty(staffSignInClientId)) {
  name: 'staffSignIn'
  scope: rg
  params: {
    functionAppName: functionApp.outputs.name
    clientId: staffSignInClientId
  }
  dependsOn: [
    appSettings
  ]
}

// azd writes these outputs to the environment (`azd env get-values`). None of them is a secret.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = 'https://${functionApp.outputs.defaultHostName}'
output BOT_NAME string = bot.outputs.name
// The Teams app package (scripts/teams) reads the bot id and domain under these names.
output MicrosoftAppId string = identity.outputs.clientId
output BOT_DOMAIN string = functionApp.outputs.defaultHostName
