/**
 * An entity's page, beside the picture: its name, kind, other names, when it was first and last
 * seen, the pages that mention it (newest first, with how: author, about, …), the entities seen
 * with it (most often first), and the user's corrections (entity-edit.tsx).
 */
import { db } from '../../shared/db';
import { t } from '../../shared/i18n';
import { entitySources, getEntity, relatedEntities } from '../../shared/store/graph-view-reads';
import { useLiveQuery } from '../components/use-live-query';
import { EntityEdit } from './entity-edit';
import { countWord, dateWord, kindWord, roleWord } from './graph-words';

interface Props {
  id: string;
  onClose: () => void;
  /** Opens another entity (a related one). */
  onOpen: (id: string) => void;
  onExpand: (id: string) => void;
  onCentre: (id: string) => void;
}

/** Each source's page in the library: text, notes, links, where it came from. */
const libraryItemUrl = (sourceId: string) => `library.html#/item/${encodeURIComponent(sourceId)}`;

export function EntityPanel({ id, onClose, onOpen, onExpand, onCentre }: Props) {
  const entity = useLiveQuery(async () => (await getEntity(db(), id)) ?? null, [id]).value;
  const sources = useLiveQuery(() => entitySources(db(), id), [id]).value;
  const related = useLiveQuery(() => relatedEntities(db(), id), [id]).value;

  if (entity === undefined) return <aside class="entity-panel" aria-busy="true" />;
  if (entity === null) {
    return (
      <aside class="entity-panel" data-testid="entity-page">
        <p data-testid="entity-missing">{t('graphEntityGone')}</p>
        <button type="button" onClick={onClose}>
          {t('graphClose')}
        </button>
      </aside>
    );
  }
  return (
    <aside
      class="entity-panel"
      data-testid="entity-page"
      data-id={id}
      aria-labelledby="entity-name"
    >
      <div class="entity-head">
        <h2 id="entity-name" data-testid="entity-name">
          {entity.name}
        </h2>
        <button
          type="button"
          class="entity-close"
          data-testid="entity-close"
          aria-label={t('graphClose')}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <dl class="entity-facts">
        <dt>{t('graphFactKind')}</dt>
        <dd data-testid="entity-kind">
          <span class={`graph-dot kind-${entity.kind}`} aria-hidden="true" />
          {kindWord(entity.kind)}
        </dd>
        {entity.aliases && entity.aliases.length > 0 && (
          <>
            <dt>{t('graphFactAliases')}</dt>
            <dd data-testid="entity-aliases">{entity.aliases.join(' · ')}</dd>
          </>
        )}
        <dt>{t('graphFactFirstSeen')}</dt>
        <dd data-testid="entity-first-seen">{dateWord(entity.firstSeenAt)}</dd>
        <dt>{t('graphFactLastSeen')}</dt>
        <dd data-testid="entity-last-seen">{dateWord(entity.lastSeenAt)}</dd>
      </dl>
      <div class="entity-actions">
        <button type="button" data-testid="entity-centre" onClick={() => onCentre(id)}>
          {t('graphCentre')}
        </button>
        <button type="button" data-testid="entity-expand" onClick={() => onExpand(id)}>
          {t('graphExpand')}
        </button>
      </div>
      <section aria-labelledby="entity-pages-heading">
        <h3 id="entity-pages-heading">
          {t('graphPagesHeading', countWord(sources?.total ?? entity.sourceCount))}
        </h3>
        <ul class="entity-pages" data-testid="entity-pages">
          {sources?.sources.map(({ source, role }) => (
            <li key={source.id}>
              <a href={libraryItemUrl(source.id)} target="_blank" rel="noopener">
                {source.title || source.url}
              </a>
              <span class="muted">
                {' '}
                {roleWord(role)} · {source.site ? `${source.site} · ` : ''}
                {dateWord(source.savedAt)}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="entity-related-heading">
        <h3 id="entity-related-heading">{t('graphRelatedHeading')}</h3>
        {related && related.length > 0 ? (
          <ul class="entity-related" data-testid="entity-related">
            {related.map(({ entity: other, weight }) => (
              <li key={other.id}>
                <button type="button" class="link-button" onClick={() => onOpen(other.id)}>
                  <span class={`graph-dot kind-${other.kind}`} aria-hidden="true" />
                  {other.name}
                </button>
                <span class="muted">
                  {' '}
                  {weight === 1 ? t('graphTogetherOne') : t('graphTogether', countWord(weight))}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('graphNoRelated')}</p>
        )}
      </section>
      <EntityEdit entity={entity} onGone={onClose} />
    </aside>
  );
}
