import { ApolloLink, Observable } from '@apollo/client';
import { flushPromises, mount } from '@vue/test-utils';
import type { Component } from 'vue';
import { apolloClientKey, createApolloClient } from '../apollo';
import { createAppI18n, type Locale } from '../i18n';

/** What a fake server answers for one operation: a result, a thrown network error, or nothing (pending). */
export type Answer = { data?: unknown; errors?: { message: string }[] } | Error | 'pending';
export type Handlers = Record<string, (variables: Record<string, unknown>) => Answer>;

export interface Request {
  operationName: string;
  variables: Record<string, unknown>;
}

/** An ApolloLink that answers operations by name, as the GraphQL server would, and records the requests. */
export function fakeServer(handlers: Handlers) {
  const requests: Request[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        requests.push({ operationName: operation.operationName ?? '', variables: operation.variables });
        const handler = handlers[operation.operationName ?? ''];
        const answer: Answer = handler
          ? handler(operation.variables)
          : new Error(`no handler for ${operation.operationName}`);
        if (answer === 'pending') return;
        // Answer on a later tick, like a network would.
        const timer = setTimeout(() => {
          if (answer instanceof Error) {
            observer.error(answer);
          } else {
            observer.next(answer as ApolloLink.Result);
            observer.complete();
          }
        });
        return () => clearTimeout(timer);
      }),
  );
  return { link, requests };
}

export function mountWithApp(component: Component, link: ApolloLink, locale: Locale = 'nl') {
  return mount(component, {
    global: {
      plugins: [createAppI18n(locale)],
      provide: { [apolloClientKey as symbol]: createApolloClient(link) },
    },
  });
}

/** Lets the fake server answer and Vue re-render. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    await flushPromises();
  }
}
