import { isIPv6 } from 'node:net';
import { isScalar, isSeq, type Node } from 'yaml';
import { isTrue, mapItems, nodeAtPath, pairOf, scalarString, valueOf } from '../document/yamlTree';
import { podModelOf, type PodModel } from '../pod/podModel';
import { gateOnByDefault } from '../versions/featureGates';
import { firstKeySpan } from './labels';
import { dns1123LabelProblem, dns1123SubdomainProblem } from './nameFormats';
import type { Check, CheckContext, RuleDescriptor } from '../core/rule';
import { hasPlaceholder, keySpan, spanOf } from './support';

export const dnsConfigRule: RuleDescriptor = {
  id: 'dns-config',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'dnsPolicy None takes every DNS setting from dnsConfig, so it needs a dnsConfig with a nameserver; and the resolver limits apply: at most 3 nameservers (IP addresses), 32 search domains of 2048 characters in all, options with names. The API server rejects others.',
  example: 'dnsPolicy: None\n# no dnsConfig',
  fix: 'Add `dnsConfig: {nameservers: [10.0.0.10]}` (with searches and options as needed), or choose another dnsPolicy.',
};

export const hostAliasesRule: RuleDescriptor = {
  id: 'host-aliases',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Each hostAliases entry becomes a line of the Pod\'s /etc/hosts: its ip must be an IP address and its hostnames DNS names; the API server rejects others.',
  example: 'hostAliases:\n  - ip: localhost\n    hostnames: [db]',
  fix: 'Write the address as an IP (`127.0.0.1`) and the names as lowercase DNS names.',
};

export const podHostnameRule: RuleDescriptor = {
  id: 'pod-hostname',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A Pod\'s hostname and subdomain become DNS labels (<hostname>.<subdomain>.<namespace>.svc), so each must be a DNS-1123 label; a hostnameOverride is a DNS subdomain of at most 64 characters and excludes setHostnameAsFQDN. The API server rejects others.',
  example: 'spec:\n  hostname: db_primary',
  fix: 'Use lowercase letters, digits and \'-\', at most 63 characters: `db-primary`.',
};

const MAX_NAMESERVERS = 3;
const MAX_SEARCHES = 32;
const MAX_SEARCH_CHARACTERS = 2048;

/** A Pod's DNS: dnsPolicy and dnsConfig, /etc/hosts entries, hostname and subdomain. */
export const dnsCheck: Check = {
  name: 'dns',
  rules: [dnsConfigRule, hostAliasesRule, podHostnameRule],
  appliesTo: 'pod',
  run(ctx) {
    const pod = podModelOf(ctx.doc);
    const spec = pod?.podSpec;
    if (!pod || !spec) return;
    checkDnsConfig(ctx, pod, spec);
    checkHostnameOverride(ctx, spec);
    for (const [alias] of mapItems(valueOf(spec, 'hostAliases'))) checkHostAlias(ctx, alias);
    for (const key of ['hostname', 'subdomain']) {
      const node = valueOf(spec, key);
      const text = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
      const span = spanOf(node);
      if (!text || !span || hasPlaceholder(text)) continue;
      const problem = dns1123LabelProblem(text);
      if (problem) {
        ctx.report(podHostnameRule, {
          message: `${key} \`${text}\` is not a DNS-1123 label: ${problem}. It becomes part of the Pod's DNS name, so the API server rejects it.`,
          ...span,
        });
      }
    }
  },
};

/** hostnameOverride (HostnameOverride gate): the Pod's hostname as a DNS subdomain of at most 64 characters. */
function checkHostnameOverride(ctx: CheckContext, spec: Node): void {
  const node = valueOf(spec, 'hostnameOverride');
  const text = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
  const span = spanOf(node);
  if (text === undefined || !span || hasPlaceholder(text) || !gateOnByDefault('HostnameOverride', ctx.settings.kubernetesVersion)) return;
  const problem = text.length > 64 ? `it is ${text.length} characters long; a hostname has at most 64` : dns1123SubdomainProblem(text);
  if (problem) {
    ctx.report(podHostnameRule, { message: `hostnameOverride \`${text}\` is not a valid hostname: ${problem}. The API server rejects it.`, ...span });
  }
  if (isTrue(valueOf(spec, 'setHostnameAsFQDN'))) {
    const fqdnSpan = keySpan(spec, 'setHostnameAsFQDN');
    ctx.report(podHostnameRule, {
      message: 'hostnameOverride sets the hostname itself, so setHostnameAsFQDN (which makes the hostname the Pod\'s FQDN) cannot be true beside it; the API server rejects both together. Remove one.',
      ...span,
      related: fqdnSpan ? [{ ...fqdnSpan, message: 'setHostnameAsFQDN: true' }] : undefined,
    });
  }
}

function checkDnsConfig(ctx: CheckContext, pod: PodModel, spec: Node): void {
  const policyNode = valueOf(spec, 'dnsPolicy');
  const isNone = scalarString(policyNode) === 'None';
  const configPair = pairOf(spec, 'dnsConfig');
  const config = configPair?.value;
  const hasConfig = config !== undefined && !(isScalar(config) && config.value === null);
  if (isNone && !hasConfig) {
    // Upstream names spec.dnsConfig, which is absent: the finding lands on the PodSpec's key.
    const parent = nodeAtPath(ctx.doc.root, pod.podSpecPath.slice(0, -1));
    const span = spanOf(configPair?.key) ?? keySpan(parent, String(pod.podSpecPath[pod.podSpecPath.length - 1]));
    if (span) {
      ctx.report(dnsConfigRule, {
        message: 'dnsPolicy None takes every DNS setting from dnsConfig, and this Pod has none; the API server rejects it. Add `dnsConfig` with at least one nameserver, or choose another dnsPolicy (ClusterFirst is the default).',
        ...span,
        related: spanOf(policyNode) ? [{ ...spanOf(policyNode)!, message: 'dnsPolicy None' }] : undefined,
      });
    }
    return;
  }
  if (!hasConfig) return;
  const nameserversPair = pairOf(config, 'nameservers');
  const nameservers = isSeq(nameserversPair?.value) ? nameserversPair!.value.items : [];
  if (nameservers.length > MAX_NAMESERVERS) {
    ctx.report(dnsConfigRule, {
      message: `dnsConfig lists ${nameservers.length} nameservers; the resolver uses at most ${MAX_NAMESERVERS}, so the API server rejects more.`,
      ...spanOf(nameserversPair!.key)!,
    });
  }
  for (const item of nameservers) {
    const address = isScalar(item) && typeof item.value === 'string' ? item.value : undefined;
    const span = spanOf(item);
    if (address !== undefined && span && !hasPlaceholder(address) && !isIpAddress(address)) {
      ctx.report(dnsConfigRule, { message: `The nameserver \`${address}\` is not an IP address; a Pod's resolver needs addresses, not names. The API server rejects it.`, ...span });
    }
  }
  if (isNone && nameservers.length === 0) {
    const span = spanOf(nameserversPair?.key) ?? spanOf(configPair?.key);
    if (span) {
      ctx.report(dnsConfigRule, {
        message: 'dnsPolicy None takes every DNS setting from dnsConfig, so dnsConfig needs at least one nameserver; the API server rejects it without one.',
        ...span,
      });
    }
  }
  checkSearches(ctx, config);
  for (const [option] of mapItems(valueOf(config, 'options'))) {
    const name = scalarString(valueOf(option, 'name'));
    if (name) continue;
    const span = firstKeySpan(option);
    if (span) ctx.report(dnsConfigRule, { message: 'A DNS option needs a name (such as ndots or timeout); the API server rejects an option without one.', ...span });
  }
}

function checkSearches(ctx: CheckContext, config: unknown): void {
  const pair = pairOf(config, 'searches');
  if (!isSeq(pair?.value)) return;
  const items = pair!.value.items;
  const listKey = spanOf(pair!.key);
  // From 1.33 (RelaxedDNSSearchValidation, on by default) a search domain may hold '_' and may be '.' alone.
  const relaxed = gateOnByDefault('RelaxedDNSSearchValidation', ctx.settings.kubernetesVersion);
  const texts = items.map((item) => (isScalar(item) && typeof item.value === 'string' ? item.value : undefined));
  if (items.length > MAX_SEARCHES && listKey) {
    ctx.report(dnsConfigRule, { message: `dnsConfig lists ${items.length} search domains; the API server accepts at most ${MAX_SEARCHES}.`, ...listKey });
  }
  const total = texts.reduce((sum, text) => sum + (text?.length ?? 0), 0) + Math.max(0, items.length - 1);
  if (total > MAX_SEARCH_CHARACTERS && listKey) {
    ctx.report(dnsConfigRule, { message: `The search domains take ${total} characters joined by spaces; the API server accepts at most ${MAX_SEARCH_CHARACTERS}.`, ...listKey });
  }
  items.forEach((item, i) => {
    const text = texts[i];
    const span = spanOf(item);
    if (text === undefined || !span || hasPlaceholder(text)) return;
    if (relaxed && text === '.') return;
    const name = text.endsWith('.') ? text.slice(0, -1) : text;
    const problem = dns1123SubdomainProblem(relaxed ? name.replace(/_/g, 'a') : name);
    if (problem) {
      ctx.report(dnsConfigRule, {
        message: `The search domain \`${text}\` is not a DNS name: ${problem}${relaxed ? ' (underscores are allowed)' : ''}. The API server rejects it.`,
        ...span,
      });
    }
  });
}

function checkHostAlias(ctx: CheckContext, alias: Node): void {
  const ipNode = valueOf(alias, 'ip');
  const ip = scalarString(ipNode);
  if (ip !== undefined && !hasPlaceholder(ip) && !isIpAddress(ip)) {
    const span = spanOf(ipNode);
    if (span) ctx.report(hostAliasesRule, { message: `\`${ip}\` is not an IP address; a hostAliases entry maps names to an address in /etc/hosts. The API server rejects it.`, ...span });
  }
  const hostnames = valueOf(alias, 'hostnames');
  if (!isSeq(hostnames)) return;
  for (const item of hostnames.items) {
    const name = isScalar(item) && typeof item.value === 'string' ? item.value : undefined;
    const span = spanOf(item);
    if (name === undefined || !span || hasPlaceholder(name)) continue;
    const problem = dns1123SubdomainProblem(name);
    if (problem) ctx.report(hostAliasesRule, { message: `The host name \`${name}\` is not a DNS-1123 subdomain: ${problem}. The API server rejects it.`, ...span });
  }
}

/** An IPv4 address (the API's legacy parse still accepts leading zeros on these fields) or an IPv6 address. */
export function isIpAddress(text: string): boolean {
  if (text.includes(':')) return !text.includes('%') && isIPv6(text);
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => p.length >= 1 && p.length <= 3 && [...p].every((c) => c >= '0' && c <= '9') && Number(p) <= 255);
}
