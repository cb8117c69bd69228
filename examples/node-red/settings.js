/**
 * Node-RED settings: the editor signs in through Keycloak (realm "company"), which brokers the company SSO.
 *
 * Node-RED only speaks standard OpenID Connect to Keycloak (passport-openidconnect). Keycloak's Company SSO
 * extension does the SSO's steps 4 and 5 (fetch the user with the SSO's access token, turn it into a user) and
 * puts the user's realm roles (admin / editor / reader, mapped from the SSO's $.roles) into the ID token as the
 * claim "roles". This file turns those roles into Node-RED permissions.
 *
 * Environment (defaults in brackets):
 *   KEYCLOAK_URL            Keycloak's base URL, as both the browser and Node-RED reach it [http://127.0.0.1:8080]
 *   KEYCLOAK_REALM          the realm [company]
 *   NODE_RED_URL            Node-RED's base URL as the browser reaches it [http://127.0.0.1:1880]
 *                           (Keycloak's node-red client must accept <NODE_RED_URL>/auth/strategy/callback)
 *   NODE_RED_CLIENT_ID      [node-red]
 *   NODE_RED_CLIENT_SECRET  the node-red client's secret in Keycloak [node-red-secret]
 *   PORT                    the port Node-RED listens on [the port of NODE_RED_URL, else 1880]
 *   NODE_RED_HOST           the interface Node-RED listens on [all]
 *
 * Versions: node-red 4.1.15 and passport-openidconnect 0.1.2 (package.json).
 */
// Found next to this file or in the directory Node-RED is started from (where npm installed it).
const { Strategy: OpenIDConnectStrategy } = require(
    require.resolve("passport-openidconnect", { paths: [__dirname, process.cwd()] }));

const keycloakUrl = trimSlash(process.env.KEYCLOAK_URL || "http://127.0.0.1:8080");
const realm = process.env.KEYCLOAK_REALM || "company";
const nodeRedUrl = trimSlash(process.env.NODE_RED_URL || "http://127.0.0.1:1880");
const issuer = `${keycloakUrl}/realms/${encodeURIComponent(realm)}`;
const oidc = `${issuer}/protocol/openid-connect`;

/** Keycloak realm role (ID token claim "roles") -> Node-RED permission scopes. The strongest role wins. */
const PERMISSIONS_BY_ROLE = [
    ["admin", "*"],
    // read everything, deploy flows, press inject buttons, use context/debug/library; no palette or settings
    ["editor", ["read", "flows.write", "inject.write", "context.write", "debug.write", "library.write"]],
    ["reader", "read"],
];

/** Users signed in since Node-RED started: adminAuth.users(username) receives only the username. */
const signedIn = new Map();

module.exports = {
    uiPort: Number(process.env.PORT || new URL(nodeRedUrl).port || 1880),
    uiHost: process.env.NODE_RED_HOST || undefined,
    flowFile: "flows.json",
    credentialSecret: process.env.NODE_RED_CREDENTIAL_SECRET || false,

    adminAuth: {
        type: "strategy",
        strategy: {
            name: "openidconnect",
            label: "Sign in with Company SSO",
            icon: "fa-sign-in",
            strategy: OpenIDConnectStrategy,
            options: {
                issuer: issuer,
                authorizationURL: `${oidc}/auth`,
                tokenURL: `${oidc}/token`,
                userInfoURL: `${oidc}/userinfo`,
                clientID: process.env.NODE_RED_CLIENT_ID || "node-red",
                clientSecret: process.env.NODE_RED_CLIENT_SECRET || "node-red-secret",
                callbackURL: `${nodeRedUrl}/auth/strategy/callback`,
                // passport-openidconnect always puts "openid" first: the request says "openid profile email".
                scope: ["profile", "email"],
                nonce: true,
                // Arity 8 of passport-openidconnect 0.1.2: (issuer, profile, context, idToken, accessToken,
                // refreshToken, params, done). The ID token comes straight from Keycloak's token endpoint (back
                // channel), and the library has checked its issuer, audience, expiry and nonce.
                verify: function (iss, profile, context, idToken, accessToken, refreshToken, params, done) {
                    const claims = decodeJwtPayload(idToken);
                    const username = claims.preferred_username || profile.username || profile.id;
                    const roles = Array.isArray(claims.roles) ? claims.roles : [];
                    const match = PERMISSIONS_BY_ROLE.find(([role]) => roles.includes(role));
                    if (!match) {
                        // Signed in at the company SSO, but none of Node-RED's roles: no access to the editor.
                        return done(null, false, { message: `${username} has none of the roles admin, editor, reader` });
                    }
                    const user = { username, permissions: match[1] };
                    if (profile.emails && profile.emails.length > 0) {
                        user.email = profile.emails[0].value;
                    }
                    done(null, user);
                },
            },
        },
        // Receives what verify passed to done(): remember the user with its permissions for this run.
        authenticate: function (user) {
            if (!user || typeof user !== "object" || !user.username || !user.permissions) {
                return Promise.resolve(null);
            }
            const known = { username: user.username, permissions: user.permissions };
            signedIn.set(user.username, known);
            return Promise.resolve(known);
        },
        // Called with the username on every editor request; unknown after a restart: sign in again.
        users: function (username) {
            return Promise.resolve(signedIn.get(username) || null);
        },
    },

    logging: {
        console: { level: "info", metrics: false, audit: process.env.NODE_RED_AUDIT === "true" },
    },
    editorTheme: {
        projects: { enabled: false },
        tours: false,
    },
    diagnostics: { enabled: false },
    telemetry: { enabled: false },
};

function trimSlash(url) {
    return url.replace(/\/+$/, "");
}

function decodeJwtPayload(jwt) {
    const part = String(jwt).split(".")[1] || "";
    return JSON.parse(Buffer.from(part.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8"));
}
