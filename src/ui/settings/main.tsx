/** The settings page: models, storage and general settings, opened from the extension's options. */
import { render } from 'preact';
import { SettingsPage } from './settings-page';

const root = document.getElementById('app');
if (root) render(<SettingsPage />, root);
