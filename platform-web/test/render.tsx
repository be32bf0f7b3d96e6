import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { newQueryClient } from '../src/api/queryClient';
import { LocaleProvider, type Language } from '../src/i18n';

/** A fresh query cache per test, so no test sees another's answers. */
export function withQueries() {
  const client = newQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  return { client, wrapper };
}

export function renderWithApp(ui: ReactElement, language: Language = 'en') {
  const { wrapper: Queries } = withQueries();
  return render(
    <LocaleProvider language={language}>
      <Queries>
        <MemoryRouter>{ui}</MemoryRouter>
      </Queries>
    </LocaleProvider>,
  );
}
