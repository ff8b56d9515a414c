/**
 * Media of LocalCore. The service stores Blobs by uuid and payloads reference them as `local:<uuid>` in
 * their URL fields; each instance turns those into its own `blob:` object URLs (one per uuid, revoked
 * on destroy), because object URLs do not cross tabs and do not survive a reload.
 */

const LOCAL = 'local:';
const URL_FIELDS = new Set(['url', 'fileUrl', 'videoUrl', 'thumbUrl']);

/** The stored form of a media URL. */
export const localUrl = (uuid: string): string => LOCAL + uuid;

/** Copies `value`, passing every URL field (at any depth: merged messages nest) through `map`. */
function mapUrls(value: unknown, map: (url: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => mapUrls(item, map));
  if (!value || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = URL_FIELDS.has(key) && typeof item === 'string' ? map(item) : mapUrls(item, map);
  return copy;
}

const uuidOf = (url: string) => (url.startsWith(LOCAL) ? url.slice(LOCAL.length) : '');

export class MediaUrls {
  #urls = new Map<string, string>();
  /** object URL → uuid, to store a payload this instance resolved (forwarding). */
  #uuids = new Map<string, string>();

  /** The object URL of a blob, created once per uuid. Anything but a picture, video or sound is served as
   *  bytes to download: a blob URL is of this origin, so an HTML or SVG file another user sent, opened in a
   *  tab from its link, would run as the page (reliability F15). */
  add(uuid: string, blob: Blob): string {
    let url = this.#urls.get(uuid);
    if (!url) {
      if (!/^(video|audio|image\/(?!svg))/.test(blob.type)) blob = new Blob([blob], { type: 'application/octet-stream' });
      this.#urls.set(uuid, (url = URL.createObjectURL(blob)));
      this.#uuids.set(url, uuid);
    }
    return url;
  }

  /** The uuids `payloads` reference that have no URL yet. */
  missing(payloads: unknown[]): string[] {
    const missing = new Set<string>();
    for (const payload of payloads) mapUrls(payload, (url) => (uuidOf(url) && !this.#urls.has(uuidOf(url)) && missing.add(uuidOf(url)), url));
    return [...missing];
  }

  /** `payload` with its media URLs usable in this document ('' for a blob this instance has not loaded). */
  resolve<T>(payload: T): T {
    return mapUrls(payload, (url) => (uuidOf(url) ? (this.#urls.get(uuidOf(url)) ?? '') : url)) as T;
  }

  /** Back to the stored form (`local:<uuid>`) of a payload `resolve` produced. */
  unresolve<T>(payload: T): T {
    return mapUrls(payload, (url) => (this.#uuids.has(url) ? localUrl(this.#uuids.get(url)!) : url)) as T;
  }

  revokeAll(): void {
    for (const url of this.#urls.values()) URL.revokeObjectURL(url);
    this.#urls.clear();
    this.#uuids.clear();
  }
}
