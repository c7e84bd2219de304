import { render, screen, within } from '@testing-library/react';
import { VersionHistory } from '../../../../src/renderer/features/records/VersionHistory';
import { RecordDetailReportProbe } from './version-history-probe';
import { I18nProvider } from '../../../../src/renderer/i18n/I18nProvider';
import type { ConsultationDetail } from '../../../../src/shared/domain/consultation';
import {
  FIXTURE_CARE_SHEET,
  FIXTURE_REPORT,
  fixtureConsultation,
} from '../../../helpers/consultation-fixture';

const base: ConsultationDetail = fixtureConsultation({ minutes: 1, ecgLeads: [] }).detail;
const AMENDED = { ...FIXTURE_REPORT, conclusion: 'Revoir à 24 h.' };
const detail: ConsultationDetail = {
  ...base,
  report: AMENDED,
  versions: [
    {
      kind: 'report',
      version: 1,
      savedAt: '2026-11-25T09:40:00.000Z',
      savedBy: 'consultant:abc',
      report: FIXTURE_REPORT,
    },
    {
      kind: 'care-sheet',
      version: 1,
      savedAt: '2026-11-25T09:41:00.000Z',
      savedBy: 'consultant:abc',
      careSheet: FIXTURE_CARE_SHEET,
    },
    {
      kind: 'report',
      version: 2,
      savedAt: '2026-11-25T11:00:00.000Z',
      savedBy: 'consultant:abc',
      report: AMENDED,
    },
  ],
};

describe('the record lists every version, newest first, with who and when', () => {
  it('in English, the earlier report kept whole', () => {
    render(
      <I18nProvider locale="en">
        <VersionHistory detail={detail} />
        <RecordDetailReportProbe detail={detail} />
      </I18nProvider>,
    );
    const items = within(screen.getByTestId('record-versions')).getAllByRole('listitem');
    expect(items.map((li) => li.dataset.testid)).toEqual([
      'record-version-report-2',
      'record-version-care-sheet-1',
      'record-version-report-1',
    ]);
    expect(items[0]?.textContent).toMatch(
      /^Report, version 2 — saved .* by the doctor, through the call link \(shown above\)$/,
    );
    expect(items[2]?.textContent).toContain(FIXTURE_REPORT.conclusion);
    expect(screen.getByTestId('amended').textContent).toMatch(/^Version 2, amended on /);
  });

  it('in French', () => {
    render(
      <I18nProvider locale="fr">
        <VersionHistory detail={detail} />
      </I18nProvider>,
    );
    expect(screen.getByText('Historique des versions')).toBeTruthy();
    expect(screen.getByTestId('record-version-care-sheet-1').textContent).toMatch(
      /^Feuille de soins, version 1 — enregistrée le .* par le médecin, via le lien de l’appel/,
    );
  });

  it('words who saved each version from the record’s actor code, never the code itself', () => {
    const savers = ['station', 'system', 'before versions, signed Dr Martin', 'Inès Morel'];
    render(
      <I18nProvider locale="fr">
        <VersionHistory
          detail={{
            ...detail,
            versions: savers.map((savedBy, i) => ({
              kind: 'report' as const,
              version: i + 1,
              savedAt: '2026-11-25T09:40:00.000Z',
              savedBy,
              report: FIXTURE_REPORT,
            })),
          }}
        />
      </I18nProvider>,
    );
    const lines = savers.map((_, i) => screen.getByTestId(`record-version-report-${i + 1}`).textContent);
    expect(lines[0]).toContain('par la station');
    expect(lines[1]).toContain('automatiquement par la station');
    expect(lines[2]).toContain('avant l’historique des versions, signée Dr Martin');
    expect(lines[3]).toContain('par Inès Morel');
  });

  it('says nothing for a record without versions', () => {
    const { container } = render(
      <I18nProvider locale="en">
        <VersionHistory detail={{ ...base, versions: [] }} />
      </I18nProvider>,
    );
    expect(container.textContent).toBe('');
  });
});
