// App Service authentication (Easy Auth) for the staff dashboard. Requests stay anonymous unless
// signed in: the bot's endpoint and the chat page must answer anyone, so the platform only adds
// the signed-in principal (the x-ms-client-principal header, which it strips from incoming
// requests) and the dashboard itself refuses anyone not listed in STAFF_USER_IDS.

param functionAppName string

@description('Client id of the Entra app registration staff sign in with; its secret is the app setting MICROSOFT_PROVIDER_AUTHENTICATION_SECRET.')
param clientId string

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource authSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          // Single tenant: the university's own directory.
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
          clientId: clientId
          clientSecretSettingName: 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'
        }
        validation: {
          allowedAudiences: [
            'api://${clientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: true
      }
    }
  }
}
