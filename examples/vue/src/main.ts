import { createApp } from 'vue';
import 'tim-elements';
import 'tim-elements/vue'; // types the tim- tags in templates (props and events), for vue-tsc
import App from './App.vue';
import { router } from './router.js';
import './app.css';

createApp(App).use(router).mount('#app');
