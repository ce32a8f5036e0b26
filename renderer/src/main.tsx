import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createWorkbenchApi } from './api/create-api';
import { App } from './App';
import './i18n';
import './styles.css';

const api = createWorkbenchApi();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App api={api} />
  </StrictMode>,
);
