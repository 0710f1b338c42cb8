/**
 * The welcome page (issue 10, "It must teach itself"): what Engram keeps and never keeps, how to
 * save and to ask, and the models, which are downloaded only if the user says so.
 */
import '../components/chat.css';
import { HowToSave } from '../components/how-to-save';
import { WelcomeModels } from './welcome-models';
import './welcome.css';

export function Welcome() {
  return (
    <main class="welcome" data-testid="welcome">
      <header>
        <h1>Welcome to Engram</h1>
        <p class="lead">
          Engram remembers the pages you choose to save and answers your questions about them. It
          all happens on this device: nothing you save ever leaves it.
        </p>
      </header>

      <section aria-labelledby="keeps" data-testid="welcome-keeps">
        <h2 id="keeps">What Engram keeps</h2>
        <ul>
          <li>
            The pages you save: their main text, your selection, and a glimpse of the paragraphs on
            screen, which you can keep, edit or discard for two minutes.
          </li>
          <li>
            Pages you read, only if you turn on automatic capture (off until you do; Chrome asks you
            first).
          </li>
          <li>
            All of it stays in your browser profile. Engram has no server, no account and no
            analytics.
          </li>
        </ul>
        <h2>What it never keeps</h2>
        <ul>
          <li>Anything from private (incognito) windows.</li>
          <li>
            Banks and payments, webmail, password managers, health portals and local addresses: they
            are not even read. Settings → Privacy shows the list and lets you add your own.
          </li>
          <li>A page with a password or payment field: only its address is kept.</li>
          <li>Card numbers, IBANs, API keys and tokens: removed before anything is stored.</li>
        </ul>
      </section>

      <section aria-labelledby="save">
        <h2 id="save">How to save</h2>
        <HowToSave buttonPlace="in the popup" />
      </section>

      <section aria-labelledby="ask">
        <h2 id="ask">How to ask</h2>
        <p>
          Click the Engram button in the toolbar (or open it in the side panel) and ask in your own
          words, in English or Chinese. Answers cite your pages as [1], [2]; a citation opens the
          page at the passage.
        </p>
      </section>

      <WelcomeModels />
    </main>
  );
}
