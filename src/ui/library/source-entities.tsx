/**
 * On a source's page in the library: the people, organisations, places and ideas it mentions,
 * each a link to its entity page in the graph (issue 14).
 */
import { db } from '../../shared/db';
import { t } from '../../shared/i18n';
import { entitiesOfSource } from '../../shared/store/graph-view-reads';
import { useLiveQuery } from '../components/use-live-query';

const entityPage = (id: string) => `graph.html#/entity/${encodeURIComponent(id)}`;

export function SourceEntities({ sourceId }: { sourceId: string }) {
  const entities = useLiveQuery(() => entitiesOfSource(db(), sourceId), [sourceId]).value;
  return (
    <section aria-labelledby="entities-heading">
      <h2 id="entities-heading">{t('libraryEntitiesHeading')}</h2>
      {entities && entities.length > 0 ? (
        <ul class="lib-entities" data-testid="item-entities">
          {entities.map((entity) => (
            <li key={entity.id}>
              <a href={entityPage(entity.id)}>{entity.name}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('libraryNoEntities')}</p>
      )}
    </section>
  );
}
