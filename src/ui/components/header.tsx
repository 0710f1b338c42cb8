/**
 * "Engram", how many memories, the models' state, indexing progress, the list of conversations,
 * New chat, the library.
 */
import browser from 'webextension-polyfill';
import { t } from '../../shared/i18n';
import { countMemories, loadModels } from './conversation-query';
import { ListIcon } from './icons';
import { ModelNotice } from './model-notice';
import { indexingLine, modelStatusLine, runtimeLine } from './model-status';
import { useEngineStatus } from './model-status-poll';
import { openLibrary } from './open-library';
import { useLiveQuery } from './use-live-query';

interface Props {
  onNewChat: () => void;
  /** Open the list of conversations (issue 15); `conversationsOpen` says whether it is open. */
  onConversations: () => void;
  conversationsOpen: boolean;
  /** Why the engine could not be started, shown quietly; the chat still works from keywords. */
  engineError: string | undefined;
}

export function Header({ onNewChat, onConversations, conversationsOpen, engineError }: Props) {
  const count = useLiveQuery(countMemories, []).value;
  const models = useLiveQuery(loadModels, []).value;
  const modelLine = models ? modelStatusLine(models) : '';
  const engine = useEngineStatus();
  const indexing = indexingLine(engine?.indexing);
  const runtime = runtimeLine(engine?.runtime);
  return (
    <header class="header">
      <div class="header-row">
        <button
          type="button"
          class="new-chat conversations-button"
          data-testid="open-conversations"
          aria-expanded={conversationsOpen}
          aria-label={t('chatConversations')}
          title={t('chatConversationsTitle')}
          onClick={onConversations}
        >
          <ListIcon />
        </button>
        <h1 class="title">{t('extName')}</h1>
        <button type="button" class="new-chat" data-testid="new-chat" onClick={onNewChat}>
          {t('popupNewChat')}
        </button>
        <button
          type="button"
          class="new-chat"
          data-testid="open-library"
          title={t('libraryOpenTitle')}
          onClick={() => void openLibrary()}
        >
          {t('libraryOpen')}
        </button>
        <button
          type="button"
          class="new-chat"
          data-testid="open-settings"
          title={t('popupSettingsTitle')}
          onClick={() => void browser.runtime.openOptionsPage()}
        >
          {t('popupSettings')}
        </button>
      </div>
      {/* The count has a line of its own with the models' state: beside the four buttons of the
          400 px popup it was cut to "60 me…". */}
      <div class="header-meta">
        <span class="memory-count" data-testid="memory-count" data-count={count}>
          {count === undefined
            ? ''
            : t(
                count === 1 ? 'popupMemoryCountOne' : 'popupMemoryCountMany',
                count.toLocaleString(),
              )}
        </span>
        <p
          class="model-status muted"
          data-testid="model-status"
          data-device={engine?.runtime?.device}
          title={runtime ? `${modelLine} · ${runtime}` : modelLine}
        >
          {modelLine}
        </p>
      </div>
      <ModelNotice />
      <p class="model-status muted" data-testid="indexing-status" role="status">
        {indexing}
      </p>
      {engineError && (
        <p class="engine-error" data-testid="engine-error" title={engineError}>
          {t('popupEngineError', engineError)}
        </p>
      )}
    </header>
  );
}
