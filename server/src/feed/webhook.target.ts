import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { badInput } from '../errors.js';

/**
 * Where webhooks may go. Without `allowPrivateNetworks` a webhook URL must not point at the
 * server's own networks (SSRF): loopback, RFC 1918, unique-local, link-local (and with it cloud
 * metadata at 169.254.169.254), CGNAT, multicast, unspecified or any other special-purpose range.
 */
export interface WebhookUrlPolicy {
  /** Accept http:// as well as https:// (WEBHOOK_ALLOW_HTTP). */
  readonly allowHttp: boolean;
  /** Skip the address checks (WEBHOOK_ALLOW_PRIVATE_NETWORKS; tests and local receivers only). */
  readonly allowPrivateNetworks: boolean;
}

/** Every address a host name resolves to; the system resolver (getaddrinfo, /etc/hosts) by default. */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolve: Resolve = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * True only for globally routable unicast addresses. ipaddr.js names every special-purpose range;
 * `process` unwraps IPv4-mapped IPv6 (`::ffff:127.0.0.1`) so it is judged as the IPv4 it is.
 * Ranges that embed an IPv4 address (NAT64, 6to4, Teredo) are refused with the rest.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/** A refused destination (private, reserved or no address); the message is what a delivery records. */
export class WebhookTargetError extends Error {
  readonly code = 'EWEBHOOKPRIVATE';
}

/** The IP of a URL whose host is an address literal (`[::1]` without brackets); null for a name. */
function literalAddress(url: URL): string | null {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return isIP(host) ? host : null;
}

/** Resolves a URL's host and refuses it unless every address is public (one private one is enough to refuse). */
export async function assertPublicHost(url: URL, resolve: Resolve): Promise<void> {
  const literal = literalAddress(url);
  const addresses = literal ? [literal] : (await resolve(url.hostname)).map((a) => a.address);
  if (addresses.length === 0) throw new WebhookTargetError(`${url.hostname} does not resolve to any address`);
  const refused = addresses.find((a) => !isPublicAddress(a));
  if (refused !== undefined)
    throw new WebhookTargetError(
      literal
        ? `${url.hostname} is a private or reserved address`
        : `${url.hostname} resolves to ${refused}, a private or reserved address`,
    );
}

/**
 * Checks a webhook URL when a subscription is made: https (http only where allowed), no
 * credentials, and, unless private networks are allowed, a host that is not and does not
 * resolve to a private or reserved address. Refusals are BAD_USER_INPUT on `url`.
 */
export async function checkWebhookUrl(raw: string, policy: WebhookUrlPolicy, resolve: Resolve): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badInput('url must be an absolute https URL', 'url');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp))
    throw badInput('url must be https', 'url');
  if (url.username || url.password) throw badInput('url must not contain credentials', 'url');
  if (policy.allowPrivateNetworks) return url;
  try {
    await assertPublicHost(url, resolve);
  } catch (err) {
    if (err instanceof WebhookTargetError)
      throw badInput(`url must point at a public internet address: ${err.message}`, 'url');
    throw badInput(`url host ${url.hostname} cannot be resolved`, 'url');
  }
  return url;
}

/**
 * A `lookup` for http(s).request that resolves with `resolve` and, when `publicOnly`, refuses the
 * connection if any address is private: the socket connects to an address that was checked, so
 * a DNS answer that changed since the subscription was made (rebinding) cannot reach the
 * internal network. Address literals never reach a lookup; check those with assertPublicHost.
 */
export function checkedLookup(resolve: Resolve, publicOnly: boolean): LookupFunction {
  return (hostname, options, callback) => {
    const fail = (err: NodeJS.ErrnoException) => callback(err, '');
    resolve(hostname).then((all) => {
      const refused = publicOnly ? all.find((a) => !isPublicAddress(a.address)) : undefined;
      if (refused)
        return fail(
          new WebhookTargetError(`${hostname} resolves to ${refused.address}, a private or reserved address`),
        );
      const family = options.family === 4 || options.family === 6 ? options.family : null;
      const wanted = family ? all.filter((a) => a.family === family) : all;
      if (wanted.length === 0) return fail(new WebhookTargetError(`${hostname} does not resolve to any address`));
      if (options.all) callback(null, wanted);
      else callback(null, wanted[0]!.address, wanted[0]!.family);
    }, fail);
  };
}
