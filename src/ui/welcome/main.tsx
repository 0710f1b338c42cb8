/** The welcome page, opened once when Engram is installed (background/welcome.ts). */
import { render } from 'preact';
import { Welcome } from './welcome';

const root = document.getElementById('app');
if (root) render(<Welcome />, root);
