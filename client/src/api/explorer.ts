/**
 * The GraphiQL explorer (React 19 + Monaco), mounted into an element the Vue page owns. This
 * module and everything it imports form their own lazy chunk: the API page loads it on demand.
 */
import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createElement, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import type { Example } from './examples';

export interface Explorer {
  /** Opens a query in a new tab. */
  open(query: string): void;
  unmount(): void;
}

const fetcher: GraphiQLProps['fetcher'] = async (params, options) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      accept: 'application/graphql-response+json, application/json',
      'content-type': 'application/json',
      ...(options?.headers ?? {}),
    },
    body: JSON.stringify(params),
  });
  return response.json();
};

/** Lives inside GraphiQL's provider and hands its actions to the Vue page. */
function Bridge({ onReady }: { onReady: (open: (query: string) => void) => void }) {
  const { addTab } = useGraphiQLActions();
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  useEffect(() => {
    if (!queryEditor) return;
    onReady((query) => {
      addTab();
      queryEditor.setValue(query);
      queryEditor.focus();
    });
  }, [addTab, queryEditor, onReady]);
  return null;
}

export function mountExplorer(element: HTMLElement, examples: readonly Example[]): Explorer {
  const root = createRoot(element);
  let open: ((query: string) => void) | undefined;
  let pending: string | undefined;
  const onReady = (fn: (query: string) => void) => {
    open = fn;
    if (pending !== undefined) fn(pending);
    pending = undefined;
  };
  root.render(
    createElement(
      GraphiQL,
      {
        fetcher,
        defaultTabs: examples.map((e) => ({ query: e.query })),
        forcedTheme: 'light',
        defaultEditorToolsVisibility: false,
      },
      createElement(Bridge, { onReady }),
    ),
  );
  return {
    open(query) {
      if (open) open(query);
      else pending = query;
    },
    unmount: () => root.unmount(),
  };
}
