// App Service Authentication ("Easy Auth") with Microsoft Entra ID, for the manager pages.
// Deployed only when main.bicep's enableManagerAuth is true.
//
// Design: the platform does NOT force sign-in (requireAuthentication: false,
// unauthenticatedClientAction: AllowAnonymous). Reason: almost every route on this app must
// stay reachable without an Entra session - the signed-link response form used by action
// leads, the SendGrid Inbound Parse and Event Webhook callbacks (function key / signature),
// and the health probe. excludedPaths would have to list every one of those (it has no
// "only /api/manage/*" form), and a route added later would be locked out silently.
// Instead the platform signs managers in on demand (/.auth/login/aad) and injects the
// X-MS-CLIENT-PRINCIPAL header; the app's access middleware lets a person into a plan's routes
// when the plan lists them (Entra object id or verified e-mail) or they have the "Admin" app
// role, and otherwise redirects to /.auth/login/aad?post_login_redirect_uri=... (browser) or
// returns 401/403 (docs/security.md). Without this module those routes answer 503.
// With Easy Auth on, the platform strips any client-supplied X-MS-CLIENT-PRINCIPAL header
// and sets WEBSITE_AUTH_ENABLED=True, so the app should trust the header only in that case.
//
// No client secret: sign-in uses the ID-token (implicit) response, so the app registration
// must have "ID tokens" enabled and redirect URI https://<host>/.auth/login/aad/callback.

@description('Function app name.')
param functionAppName string

@description('Application (client) id of the Entra app registration that defines the "Admin" app role.')
@minLength(36)
@maxLength(36)
param clientId string

resource functionApp 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

resource authSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
      runtimeVersion: '~1'
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
      routes: {
        apiPrefix: '/.auth'
      }
      forwardProxy: {
        convention: 'NoProxy'
      }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: clientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            clientId
            'api://${clientId}'
          ]
        }
        login: {
          disableWWWAuthenticate: false
        }
      }
    }
    login: {
      tokenStore: {
        // Only the session cookie and the injected principal header are used; no tokens
        // are stored, so no token-store blob container or SAS is needed.
        enabled: false
      }
      preserveUrlFragmentsForLogins: false
      cookieExpiration: {
        convention: 'FixedTime'
        timeToExpiration: '08:00:00'
      }
    }
  }
}
