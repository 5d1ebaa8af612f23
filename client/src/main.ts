import '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';
import '@utrecht/component-library-css/dist/index.css';
import './styles.css';

import { createApp } from 'vue';
import App from './App.vue';
import { apolloClientKey, createApolloClient } from './apollo';
import { createAppI18n } from './i18n';
import { createAppRouter } from './router';

createApp(App).provide(apolloClientKey, createApolloClient()).use(createAppI18n()).use(createAppRouter()).mount('#app');
