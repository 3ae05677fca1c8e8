// Preloaded into the server process (node --require) by noNetwork.test.ts. Every way Node offers to reach the
// network is replaced by a function that records the attempt (one JSON line per attempt, in the file named by
// PODSMITH_NETWORK_LOG) and throws, so a server that tried would both fail its work and leave evidence.
'use strict';
const fs = require('node:fs');

const logFile = process.env.PODSMITH_NETWORK_LOG;

function record(api, args) {
  const detail = args.map((a) => {
    try {
      return typeof a === 'function' ? '<callback>' : JSON.stringify(a);
    } catch {
      return String(a);
    }
  });
  if (logFile) fs.appendFileSync(logFile, JSON.stringify({ api, args: detail, stack: new Error().stack.split('\n').slice(2, 8) }) + '\n');
  const error = new Error(`podsmith test: network access denied (${api})`);
  error.code = 'EPODSMITHNONETWORK';
  throw error;
}

function deny(object, name, api) {
  if (!object || typeof object[name] !== 'function') return;
  object[name] = function denied(...args) {
    return record(api, args);
  };
}

const net = require('node:net');
deny(net.Socket.prototype, 'connect', 'net.Socket.connect');
deny(net, 'connect', 'net.connect');
deny(net, 'createConnection', 'net.createConnection');

const tls = require('node:tls');
deny(tls, 'connect', 'tls.connect');

const dns = require('node:dns');
for (const name of Object.keys(dns)) {
  if (/^(lookup|lookupService|resolve.*|reverse)$/.test(name)) deny(dns, name, `dns.${name}`);
}
if (dns.promises) {
  for (const name of Object.keys(dns.promises)) {
    if (/^(lookup|lookupService|resolve.*|reverse)$/.test(name)) deny(dns.promises, name, `dns.promises.${name}`);
  }
}
deny(dns.Resolver && dns.Resolver.prototype, 'resolve', 'dns.Resolver.resolve');

for (const id of ['node:http', 'node:https']) {
  const mod = require(id);
  deny(mod, 'request', `${id.slice(5)}.request`);
  deny(mod, 'get', `${id.slice(5)}.get`);
}
if (typeof globalThis.fetch === 'function') deny(globalThis, 'fetch', 'fetch');
if (typeof globalThis.WebSocket === 'function') {
  globalThis.WebSocket = function WebSocket(...args) {
    return record('WebSocket', args);
  };
}

const dgram = require('node:dgram');
deny(dgram, 'createSocket', 'dgram.createSocket');

// Proof for the test that this preload ran inside the process it examines.
if (process.env.PODSMITH_NETWORK_LOADED) fs.writeFileSync(process.env.PODSMITH_NETWORK_LOADED, String(process.pid));
