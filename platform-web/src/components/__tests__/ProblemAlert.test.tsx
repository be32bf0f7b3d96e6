import { screen, fireEvent } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../test/render';
import { ApiError, toApiError } from '../../api/problem';
import { ProblemAlert } from '../ProblemAlert';
import { QueryView } from '../QueryView';

const response = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });

describe('errors from the API', () => {
  it('shows the problem’s detail, code, status and ledger transaction', () => {
    const err = toApiError(response(409), {
      type: 'urn:scf:problem:token-not-active', title: 'Conflict', status: 409, detail: 'token T-1 is SPENT', code: 'TOKEN_NOT_ACTIVE',
      transaction: 'SplitTransfer', transactionId: '4f1c99',
    });
    renderWithApp(<ProblemAlert error={err} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Conflict');
    expect(screen.getByTestId('problem-detail')).toHaveTextContent('token T-1 is SPENT');
    expect(screen.getByTestId('problem-code')).toHaveTextContent('TOKEN_NOT_ACTIVE');
    expect(screen.getByRole('alert')).toHaveTextContent('409');
    expect(screen.getByRole('alert')).toHaveTextContent('SplitTransfer 4f1c99');
  });

  it('lists field errors and the Retry-After hint', () => {
    const err = toApiError(response(503, { 'Retry-After': '5' }), {
      title: 'Service Unavailable', status: 503, detail: 'peer unreachable', code: 'PEER_UNAVAILABLE', errors: [{ field: 'amountMinor', message: 'must be greater than 0' }],
    });
    renderWithApp(<ProblemAlert error={err} />);
    expect(screen.getByRole('alert')).toHaveTextContent('amountMinor must be greater than 0');
    expect(screen.getByRole('alert')).toHaveTextContent('Retry after 5 s.');
  });

  it('keeps a body that is not a problem instead of dropping it', () => {
    const err = toApiError(new Response(null, { status: 502, statusText: 'Bad Gateway' }), '<html>proxy error</html>');
    renderWithApp(<ProblemAlert error={err} />);
    expect(screen.getByTestId('problem-detail')).toHaveTextContent('<html>proxy error</html>');
    expect(screen.getByRole('alert')).toHaveTextContent('HTTP 502');
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
    expect(screen.getByTestId('problem-detail')).toHaveTextContent('Failed to fetch');
  });
});
