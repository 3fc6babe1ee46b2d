import { mount } from 'svelte';
import App from './App.svelte';
import './ui/global.css';

const target = document.getElementById('app');
if (!target) throw new Error('expected an #app element in index.html, got none');

export default mount(App, { target });
