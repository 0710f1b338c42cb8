/** The sources already kept from the pages a site pattern covers (to offer deleting them). */
import { hostPart, patternCovers } from '../../core/privacy/site-rules-edit';
import { db } from '../../shared/db';

export async function keptFrom(pattern: string): Promise<string[]> {
  const store = db();
  const hosts = hostPart(pattern);
  // Distinct sites first (an index walk); `siteOf` dropped a leading `www.`, so try both.
  const sites = (await store.sources.orderBy('site').uniqueKeys()).filter(
    (site): site is string =>
      typeof site === 'string' &&
      site !== '' &&
      (patternCovers(hosts, `http://${site}/`) || patternCovers(hosts, `http://www.${site}/`)),
  );
  if (sites.length === 0) return [];
  const ids: string[] = [];
  await store.sources
    .where('site')
    .anyOf(sites)
    .each((source) => {
      if (patternCovers(pattern, source.url)) ids.push(source.id);
    });
  return ids;
}
