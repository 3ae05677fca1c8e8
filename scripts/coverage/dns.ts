import type { CoverageEntry } from './entry';

/** A Pod's DNS: dnsPolicy and dnsConfig, hostAliases, hostname and subdomain. */
const dns: CoverageEntry[] = [
  { upstream: 'validateDNSPolicy', error: 'spec.dnsPolicy: not ClusterFirstWithHostNet, ClusterFirst, Default or None', rule: 'invalid-enum' },
  { upstream: 'validatePodDNSConfig', error: 'spec.dnsConfig: required when dnsPolicy is None', rule: 'dns-config' },
  { upstream: 'validatePodDNSConfig', error: 'spec.dnsConfig.nameservers: at least one when dnsPolicy is None', rule: 'dns-config' },
  { upstream: 'validatePodDNSConfig', error: 'spec.dnsConfig.nameservers: more than 3', rule: 'dns-config' },
  { upstream: 'validatePodDNSConfig', error: 'spec.dnsConfig.nameservers[*]: not an IP address', rule: 'dns-config' },
  { upstream: 'validatePodDNSConfig', error: 'spec.dnsConfig.searches: more than 32', rule: 'dns-config' },
  { upstream: 'validatePodDNSConfig', error: 'spec.dnsConfig.searches: more than 2048 characters joined by spaces', rule: 'dns-config' },
  { upstream: 'validatePodDNSConfig', error: 'spec.dnsConfig.searches[*]: not a DNS subdomain (underscores and "." allowed from 1.33, RelaxedDNSSearchValidation)', rule: 'dns-config' },
  { upstream: 'validatePodDNSConfig', error: 'spec.dnsConfig.options[*].name: required', rule: 'dns-config' },
  { upstream: 'validateHostAliases', error: 'spec.hostAliases[*].ip: not an IP address', rule: 'host-aliases' },
  { upstream: 'validateHostAliases', error: 'spec.hostAliases[*].hostnames[*]: not a DNS-1123 subdomain', rule: 'host-aliases' },
  { upstream: 'ValidatePodSpec', error: 'spec.hostname: not a DNS-1123 label', rule: 'pod-hostname' },
  { upstream: 'ValidatePodSpec', error: 'spec.subdomain: not a DNS-1123 label', rule: 'pod-hostname' },
  { upstream: 'ValidatePodSpec', error: 'spec.hostnameOverride: not a DNS-1123 subdomain of at most 64 characters (HostnameOverride, from 1.35)', rule: 'pod-hostname' },
  { upstream: 'ValidatePodSpec', error: 'spec.hostnameOverride: set beside setHostnameAsFQDN: true (HostnameOverride, from 1.35)', rule: 'pod-hostname' },
];

export default dns;
