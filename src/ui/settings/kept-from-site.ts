/** The sources already kept from the pages a site pattern covers (to offer deleting them). */
import { hostPart, patternCovers } from '../../core/privacy/site-rules-edit';
import { db } from '../../shared/db';
import { forEachSourceOnSites, keptSites } from '../../shared/store/source-reads';

export async function keptFrom(pattern: string): Promise<string[]> {
  const store = db();
  const hosts = hostPart(pattern);
  // Distinct sites first (an index walk); `siteOf` dropped a leading `www.`, so try both.
  const sites = (await keptSites(store)).filter(
    (site) =>
      patternCovers(hosts, `http://${site}/`) || patternCovers(hosts, `http://www.${site}/`),
  );
  if (sites.length === 0) return [];
  const ids: string[] = [];
  await forEachSourceOnSites(store, sites, (source) => {
    if (patternCovers(pattern, source.url)) ids.push(source.id);
  });
  return ids;
}
