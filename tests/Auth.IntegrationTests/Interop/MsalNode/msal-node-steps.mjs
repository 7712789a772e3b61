// Runs msal-node 7 steps against FakeAuthority for Auth's cache interop tests.
// Usage: node msal-node-steps.mjs <job.json>; prints one JSON array of step results on stdout.
// job: { app: { clientId, clientSecret, authority, protocolMode, knownAuthorities }, cacheFile,
//        connectPort?: number (route every request to https://127.0.0.1:<port>, Host header kept: the fake's virtual hosts),
//        steps: [{ op: "clientCredentials" | "usernamePassword" | "accounts" | "silent", scopes, username?, password?, forceRefresh? }] }
// Every step builds a new app whose only cache is the file, through msal-node's cache plugin.
import fs from "node:fs";
import https from "node:https";
import { ConfidentialClientApplication } from "@azure/msal-node";

const job = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));

const cachePlugin = {
    async beforeCacheAccess(context) {
        if (fs.existsSync(job.cacheFile)) {
            context.tokenCache.deserialize(fs.readFileSync(job.cacheFile, "utf8"));
        }
    },
    async afterCacheAccess(context) {
        if (context.cacheHasChanged) {
            fs.writeFileSync(job.cacheFile, context.tokenCache.serialize());
        }
    },
};

// An INetworkModule that sends every request to the fake's loopback port, keeping the URL's host as the Host header
// and checking the fake's certificate as "localhost" (trusted through NODE_EXTRA_CA_CERTS).
function loopbackNetwork(port) {
    const send = (method, url, options = {}) => new Promise((resolve, reject) => {
        const target = new URL(url);
        const headers = { ...(options.headers ?? {}), host: target.host };
        if (options.body !== undefined) {
            headers["content-length"] = Buffer.byteLength(options.body);
        }
        const request = https.request(
            { host: "127.0.0.1", port, servername: "localhost", path: target.pathname + target.search, method, headers },
            (response) => {
                let text = "";
                response.setEncoding("utf8");
                response.on("data", (chunk) => { text += chunk; });
                response.on("end", () => {
                    let body;
                    try { body = JSON.parse(text); } catch { body = text; }
                    const flat = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : String(v)]));
                    resolve({ headers: flat, body, status: response.statusCode });
                });
            });
        request.on("error", reject);
        if (options.body !== undefined) {
            request.write(options.body);
        }
        request.end();
    });
    return {
        sendGetRequestAsync: (url, options) => send("GET", url, options),
        sendPostRequestAsync: (url, options) => send("POST", url, options),
    };
}

function newApp() {
    const system = { disableInternalRetries: true };
    if (job.connectPort) {
        system.networkClient = loopbackNetwork(job.connectPort);
    }
    return new ConfidentialClientApplication({
        auth: {
            clientId: job.app.clientId,
            clientSecret: job.app.clientSecret,
            authority: job.app.authority,
            knownAuthorities: job.app.knownAuthorities ?? [],
            protocolMode: job.app.protocolMode,
        },
        cache: { cachePlugin },
        system,
    });
}

const account = (a) => a && { homeAccountId: a.homeAccountId, environment: a.environment, tenantId: a.tenantId, username: a.username };

const result = (r) => ({ ok: true, accessToken: r.accessToken, fromCache: r.fromCache, account: account(r.account) });

async function run(step) {
    const app = newApp();
    switch (step.op) {
        case "clientCredentials":
            return result(await app.acquireTokenByClientCredential({ scopes: step.scopes }));
        case "usernamePassword":
            return result(await app.acquireTokenByUsernamePassword({ scopes: step.scopes, username: step.username, password: step.password }));
        case "accounts":
            return { ok: true, accounts: (await app.getTokenCache().getAllAccounts()).map(account) };
        case "silent": {
            const accounts = await app.getTokenCache().getAllAccounts();
            if (accounts.length !== 1) {
                return { ok: false, errorCode: "test_account_count", message: `expected one account in the cache, found ${accounts.length}` };
            }
            return result(await app.acquireTokenSilent({ account: accounts[0], scopes: step.scopes, forceRefresh: step.forceRefresh ?? false }));
        }
        default:
            throw new Error(`unknown op ${step.op}`);
    }
}

const results = [];
for (const step of job.steps) {
    try {
        results.push(await run(step));
    } catch (error) {
        results.push({ ok: false, errorCode: error.errorCode ?? error.code ?? "exception", message: String(error.message ?? error) });
    }
}
process.stdout.write(JSON.stringify(results));
