import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { LocaleProvider, type Language } from '../src/i18n';

export function renderWithApp(ui: ReactElement, language: Language = 'en') {
  return render(
    <LocaleProvider language={language}>
      <MemoryRouter>{ui}</MemoryRouter>
    </LocaleProvider>,
  );
}
