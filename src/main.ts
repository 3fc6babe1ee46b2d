import { mount } from 'svelte';
import App from './App.svelte';
import { registerServiceWorker } from './pwa/register-sw';
import './ui/global.css';

const target = document.getElementById('app');
if (!target) throw new Error('expected an #app element in index.html, got none');

registerServiceWorker();

export default mount(App, { target });
