import { screen, fireEvent } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../test/render';
import { ApiError, toApiError } from '../../api/problem';
import { ProblemAlert } from '../ProblemAlert';
import { QueryView } from '../QueryView';

const response = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });

describe('errors from the API', () => {
  it('says what happened and what to do in words, with the technical facts behind Details and no failed transaction id', () => {
    const err = toApiError(response(409, { 'X-Request-Id': 'req-77' }), {
      type: 'urn:scf:problem:token-not-active', title: 'Conflict', status: 409, detail: 'token T-1 is SPENT', code: 'TOKEN_NOT_ACTIVE',
      transaction: 'SplitTransfer', transactionId: '4f1c99',
    });
    renderWithApp(<ProblemAlert error={err} />);
    expect(screen.getByTestId('problem-message')).toHaveTextContent('This token can no longer be used');
    expect(screen.getByTestId('problem-action')).toHaveTextContent('Reload the page to see the current state.');
    const details = screen.getByText('Details').closest('details')!;
    expect(details).not.toHaveAttribute('open');
    expect(details).toContainElement(screen.getByTestId('problem-code'));
    expect(screen.getByTestId('problem-code')).toHaveTextContent('TOKEN_NOT_ACTIVE');
    expect(details).toHaveTextContent('409');
    expect(details).toHaveTextContent('token T-1 is SPENT');
    expect(details).toHaveTextContent('req-77');
    expect(screen.getByRole('alert')).not.toHaveTextContent('4f1c99');
    expect(screen.getByRole('alert')).not.toHaveTextContent('Conflict');
  });

  it('speaks Chinese in the Chinese interface', () => {
    const err = toApiError(response(422), { status: 422, code: 'MATURED', title: 'Unprocessable Content' });
    renderWithApp(<ProblemAlert error={err} />, 'zh-CN');
    expect(screen.getByTestId('problem-message')).toHaveTextContent('该应付账款已到期。');
    expect(screen.getByTestId('problem-action')).toHaveTextContent('现仅可结算。');
    // the reason phrase stays behind the disclosure
    const details = screen.getByText('详细信息').closest('details')!;
    expect(details).toHaveTextContent('Unprocessable Content');
    details.remove();
    expect(screen.getByRole('alert')).not.toHaveTextContent(/Unprocessable|422|MATURED/);
  });

  it('keeps field errors and the Retry-After hint', () => {
    const err = toApiError(response(503, { 'Retry-After': '5' }), {
      title: 'Service Unavailable', status: 503, detail: 'peer unreachable', code: 'PEER_UNAVAILABLE', errors: [{ field: 'amountMinor', message: 'must be greater than 0' }],
    });
    renderWithApp(<ProblemAlert error={err} />);
    expect(screen.getByTestId('problem-message')).toHaveTextContent('The ledger cannot be reached right now.');
    expect(screen.getByRole('alert')).toHaveTextContent('amountMinor must be greater than 0');
    expect(screen.getByRole('alert')).toHaveTextContent('Retry after 5 s.');
  });

  it('keeps a body that is not a problem instead of dropping it', () => {
    const err = toApiError(new Response(null, { status: 502, statusText: 'Bad Gateway' }), '<html>proxy error</html>');
    renderWithApp(<ProblemAlert error={err} />);
    expect(screen.getByTestId('problem-message')).toHaveTextContent('The platform could not complete the request. Nothing was changed.');
    expect(screen.getByTestId('problem-detail')).toHaveTextContent('<html>proxy error</html>');
    expect(screen.getByRole('alert')).toHaveTextContent('502');
  });

  it('shows a failed query as its problem, with a Retry that asks again', () => {
    const missingRecord = new ApiError(404, { status: 404, code: 'NOT_FOUND', detail: 'token T-9 does not exist' });
    const refetch = vi.fn();
    renderWithApp(<QueryView query={{ data: undefined, error: missingRecord, refetch }}>{() => 'data'}</QueryView>);
    expect(screen.getByTestId('problem-detail')).toHaveTextContent('token T-9 does not exist');
    expect(screen.getByTestId('problem-code')).toHaveTextContent('NOT_FOUND');
    expect(screen.queryByText('data')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(refetch).toHaveBeenCalled();
  });

  it('shows the data once the query has it, and a network failure as a problem too', () => {
    const { unmount } = renderWithApp(<QueryView query={{ data: 'the rows', error: null, refetch: vi.fn() }}>{(d) => d}</QueryView>);
    expect(screen.getByText('the rows')).toBeInTheDocument();
    unmount();
    renderWithApp(<ProblemAlert error={new TypeError('Failed to fetch')} />);
    expect(screen.getByTestId('problem-code')).toHaveTextContent('NETWORK_ERROR');
    expect(screen.getByTestId('problem-message')).toHaveTextContent('The platform could not be reached.');
    expect(screen.getByTestId('problem-detail')).toHaveTextContent('Failed to fetch');
  });
});
