/**
 * Find an entity by name and open it: a combobox whose list is the database's answer (so an
 * entity outside the picture's top N is found too). Up and Down move through it, Enter opens.
 */
import { useEffect, useState } from 'preact/hooks';
import { db } from '../../shared/db';
import { t } from '../../shared/i18n';
import { searchEntities } from '../../shared/store/graph-view-reads';
import type { GraphEntityRow } from '../../shared/store/graph-view-types';
import { kindWord } from './graph-words';

interface Props {
  onPick: (entity: GraphEntityRow) => void;
  /** What the input is called, and its test id: the same control picks a merge target. */
  label?: string;
  testId?: string;
  /** An entity not to offer (merging one into itself). */
  exclude?: string;
}

export function EntitySearch({ onPick, label, testId = 'graph-search', exclude }: Props) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<GraphEntityRow[]>([]);
  const [active, setActive] = useState(0);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void searchEntities(db(), query, 12).then((rows) => {
        if (!current) return;
        setResults(rows.filter((row) => row.id !== exclude));
        setActive(0);
      });
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, exclude]);
  const listId = `${testId}-results`;
  const open = query.trim() !== '' && results.length > 0;
  const pick = (entity: GraphEntityRow | undefined) => {
    if (!entity) return;
    onPick(entity);
    setQuery('');
  };
  return (
    <div class="graph-search">
      <input
        type="search"
        data-testid={testId}
        aria-label={label ?? t('graphSearchLabel')}
        placeholder={t('graphSearchPlaceholder')}
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const step = event.key === 'ArrowDown' ? 1 : -1;
            setActive((i) => (results.length ? (i + step + results.length) % results.length : 0));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            pick(results[active]);
          } else if (event.key === 'Escape') {
            setQuery('');
          }
        }}
      />
      {open && (
        <ul id={listId} role="listbox" class="graph-results" data-testid={`${testId}-list`}>
          {results.map((entity, i) => (
            <li
              key={entity.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'is-active' : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(entity);
              }}
            >
              <span class={`graph-dot kind-${entity.kind}`} aria-hidden="true" />
              {entity.name} <span class="muted">{kindWord(entity.kind)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
