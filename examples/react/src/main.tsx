import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createLocalCore } from 'tim-elements/core/local';
import { App } from './App.js';

// LocalCore: the whole service in this browser (IndexedDB), seeded with demo users and conversations.
// One core for the page's life, made before React renders; the app hands it to <TimProvider core={…}>.
const core = await createLocalCore({ dbName: 'tim-example-react', seed: 'demo' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App core={core} />
  </StrictMode>,
);
