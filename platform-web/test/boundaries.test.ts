// @vitest-environment node
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The import boundaries of eslint.config.js, exercised on code that breaks them (linted in memory, never written).
const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${filePath}` });
  return result.messages.filter((m) => m.ruleId === 'import/no-restricted-paths').map((m) => m.message);
}

describe('import boundaries', () => {
  it('refuse a feature importing another feature', async () => {
    const errors = await boundaryErrors('src/features/tokens/Probe.tsx', "import { SettleButton } from '../payables/SettleButton';\nexport const probe = SettleButton;\n");
    expect(errors).toEqual([expect.stringContaining('A feature may not import another feature')]);
  });

  it('refuse a shared layer importing a feature or the app', async () => {
    expect(await boundaryErrors('src/components/Probe.tsx', "import { TokensPage } from '../features/tokens/TokensPage';\nexport const probe = TokensPage;\n")).toEqual([
      expect.stringContaining('components/ is shared'),
    ]);
    expect(await boundaryErrors('src/lib/Probe.ts', "import { AppRoutes } from '../app/App';\nexport const probe = AppRoutes;\n")).toEqual([expect.stringContaining('lib/ is shared')]);
  });

  it('allow a feature its own files and the shared layers', async () => {
    const code = "import { SplitTransferForm } from './SplitTransferForm';\nimport { Money } from '../../components/Money';\nimport { useTokens } from '../../api/tokens';\nexport const probe = [SplitTransferForm, Money, useTokens];\n";
    expect(await boundaryErrors('src/features/tokens/Probe.tsx', code)).toEqual([]);
  });
}, 60_000);
