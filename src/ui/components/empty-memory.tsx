/**
 * What the chat shows before the first message: with nothing saved yet, how to save (asking
 * would find nothing); after that, what asking does.
 */
import { countMemories } from './conversation-query';
import { HowToSave } from './how-to-save';
import { useLiveQuery } from './use-live-query';

export function EmptyChat() {
  const count = useLiveQuery(countMemories, []).value;
  if (count === undefined) return null;
  if (count === 0) {
    return (
      <div class="empty-memory" data-testid="empty-memory">
        <p>
          <b>Nothing saved yet.</b> Engram remembers the pages you choose, on this device:
        </p>
        <HowToSave buttonPlace="above" />
        <p class="muted">Then ask about them here, in your own words.</p>
      </div>
    );
  }
  return (
    <>
      <p>
        Ask about anything you have read. Engram answers from the pages you saved, on this device.
      </p>
      <p class="muted">Each answer links to the passage it came from.</p>
    </>
  );
}
