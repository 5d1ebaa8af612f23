/**
 * The GraphiQL explorer (React 19 + Monaco), mounted into an element the Vue page owns. This
 * module and everything it imports form their own lazy chunk: the API page loads it on demand.
 */
import { useGraphiQL } from '@graphiql/react';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './explorer.css';
import { createElement, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import type { Example } from './examples';

export interface Explorer {
  /** Puts a query in the editor. */
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
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  useEffect(() => {
    if (!queryEditor) return;
    onReady((query) => {
      queryEditor.setValue(query);
      queryEditor.focus();
    });
  }, [queryEditor, onReady]);
  return null;
}

/**
 * `introspect`: whether to fetch the schema (completion, docs). In production the server
 * answers introspection only for signed-in users and tokens, so anonymous visitors get an
 * editor without the schema instead of a failing request.
 */
export function mountExplorer(element: HTMLElement, examples: readonly Example[], introspect = true): Explorer {
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
        // One session: the page's own example buttons fill it. GraphiQL's tab bar nests buttons
        // inside role="tab" elements (axe: nested-interactive), so it is hidden (explorer.css).
        defaultTabs: examples.slice(0, 1).map((e) => ({ query: e.query })),
        forcedTheme: 'light',
        ...(introspect ? {} : { schema: null }),
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
