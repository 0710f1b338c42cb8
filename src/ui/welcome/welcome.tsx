/**
 * The welcome page (issue 10, "It must teach itself"): what Engram keeps and never keeps, how to
 * save and to ask, and the models, which are downloaded only if the user says so.
 */
import { t } from '../../shared/i18n';
import '../components/chat.css';
import { HowToSave } from '../components/how-to-save';
import { WelcomeModels } from './welcome-models';
import './welcome.css';

export function Welcome() {
  return (
    <main class="welcome" data-testid="welcome">
      <header>
        <h1>{t('welcomeTitle')}</h1>
        <p class="lead">{t('welcomeLead')}</p>
      </header>

      <section aria-labelledby="keeps" data-testid="welcome-keeps">
        <h2 id="keeps">{t('welcomeKeepsHeading')}</h2>
        <ul>
          <li>{t('welcomeKeepsSaved')}</li>
          <li>{t('welcomeKeepsRead')}</li>
          <li>{t('welcomeKeepsLocal')}</li>
        </ul>
        <h2>{t('welcomeNeverHeading')}</h2>
        <ul>
          <li>{t('welcomeNeverIncognito')}</li>
          <li>{t('welcomeNeverSensitive')}</li>
          <li>{t('welcomeNeverPassword')}</li>
          <li>{t('welcomeNeverSecrets')}</li>
        </ul>
      </section>

      <section aria-labelledby="save">
        <h2 id="save">{t('welcomeSaveHeading')}</h2>
        <HowToSave buttonPlace="in the popup" />
      </section>

      <section aria-labelledby="ask">
        <h2 id="ask">{t('welcomeAskHeading')}</h2>
        <p>{t('welcomeAskText')}</p>
      </section>

      <WelcomeModels />
    </main>
  );
}
