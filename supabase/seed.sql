-- =============================================================================
-- Seed: the shared agency directory (every environment, including a real
-- Supabase project's `supabase db reset`).
--
-- Colorado state agencies most likely to hold personal data of interest, with
-- the request channel found for each and the page it was found on. A blank in
-- the research stays null here: the app shows it as unknown and organisations
-- add what they learn as private corrections. Nothing is invented.
-- Re-running is safe: rows are keyed by abbreviation.
--
-- Research compiled for the project (Colorado open-records facts, agency
-- directory); each row's source URL is stored per fact in source_urls.
-- =============================================================================

with directory (name, abbreviation, level, regime, request_email, portal_url, phone_or_fax, mailing_address, source_url) as (
  values
    ('Colorado Department of Labor and Employment', 'CDLE', 'state', 'CORA',
      'cdle_pr@state.co.us', null, null, '707 17th St, Suite 2500, Denver, CO',
      'https://cdle.colorado.gov/colorado-open-records-act-cora'),
    ('Colorado Department of Revenue (including the Division of Motor Vehicles and the Marijuana Enforcement Division)', 'CDOR', 'state', 'CORA',
      null, 'https://www.colorado.gov/revenue/cora', 'fax 303-866-2400', 'PO Box 17087, Denver, CO',
      'https://www.colorado.gov/revenue/cora'),
    ('Colorado Department of Public Health and Environment', 'CDPHE', 'state', 'CORA',
      null, 'https://cdphe.colorado.gov/public-records-and-requests/department-policy-217-open-records', null, null,
      'https://cdphe.colorado.gov/public-records-and-requests/department-policy-217-open-records'),
    ('Colorado Department of Human Services', 'CDHS', 'state', 'CORA',
      null, null, null, null,
      'https://www.colorado.gov/cs/Satellite/CDHS-Emp/CBON/1251654655142'),
    ('Colorado Department of Health Care Policy and Financing', 'HCPF', 'state', 'CORA',
      null, null, null, null,
      null),
    ('Colorado Department of Public Safety — Division of Criminal Justice', 'CDPS-DCJ', 'state', 'CCJRA',
      null, 'https://form.jotform.com/221656919829168', null, null,
      'https://dcj.colorado.gov/contact-us'),
    ('Colorado Division of Homeland Security and Emergency Management', 'DHSEM', 'state', 'CORA',
      'micki.trost@state.co.us', null, null, null,
      'https://dhsem.colorado.gov/cora-info-requests'),
    ('Colorado Department of Education', 'CDE', 'state', 'CORA',
      null, 'https://cde.state.co.us/communications/corapolicy', null, null,
      'https://cde.state.co.us/communications/corapolicy'),
    ('Colorado Secretary of State', 'SOS', 'state', 'CORA',
      'CORA@coloradoSOS.gov', null, null, null,
      'https://www.sos.state.co.us/pubs/info_center/cora.html'),
    ('Office of the Governor — Office of Legal Counsel', 'GOV', 'state', 'CORA',
      null, 'https://www.colorado.gov/governor/CORA', null, null,
      'https://www.colorado.gov/governor/CORA'),
    ('Governor''s Office of Information Technology', 'OIT', 'state', 'CORA',
      null, 'https://oit.colorado.gov/cora-colorado-open-records-requests', null, null,
      'https://oit.colorado.gov/cora-colorado-open-records-requests'),
    ('Colorado Department of Personnel and Administration', 'DPA', 'state', 'CORA',
      'dpa_corarequest@state.co.us', null, null, null,
      'https://dpa.colorado.gov'),
    ('Colorado Department of Law (Attorney General)', 'DOL', 'state', 'CORA',
      null, 'https://coag.gov/resources/colorado-open-records-act-cora', null, null,
      'https://coag.gov/resources/colorado-open-records-act-cora'),
    ('Colorado Department of Local Affairs', 'DOLA', 'state', 'CORA',
      null, 'https://cdola.colorado.gov/open-records-request', null, null,
      'https://cdola.colorado.gov/open-records-request'),
    ('Colorado Division of Insurance (Department of Regulatory Agencies)', 'DOI', 'state', 'CORA',
      'DORA_INS_RulesandRecords@state.co.us', null, null, null,
      'https://doi.colorado.gov/open-records-requests-and-the-colorado-open-records-act-cora'),
    ('Colorado Judicial Branch (administrative records)', 'JUD', 'judicial', 'PAIRR2',
      null, 'https://www.coloradojudicial.gov', null, null,
      'https://www.coloradojudicial.gov'),
    ('Colorado Department of Corrections', 'CDOC', 'state', 'CCJRA',
      null, null, null, null,
      null),
    ('Colorado Bureau of Investigation', 'CBI', 'state', 'CCJRA',
      null, null, null, null,
      null)
)
insert into public.agencies (
  organisation_id, name, abbreviation, level, regime, request_email, portal_url, phone_or_fax, mailing_address, source_urls
)
select
  null,
  d.name,
  d.abbreviation,
  d.level::public.agency_level,
  d.regime::public.legal_regime,
  d.request_email,
  d.portal_url,
  d.phone_or_fax,
  d.mailing_address,
  -- The row's source backs each fact the research found on it (and the name); facts left blank get no source.
  case when d.source_url is null then '{}'::jsonb
  else jsonb_strip_nulls(jsonb_build_object(
    'name', d.source_url,
    'request_email', case when d.request_email is not null then d.source_url end,
    'portal_url', case when d.portal_url is not null then d.source_url end,
    'phone_or_fax', case when d.phone_or_fax is not null then d.source_url end,
    'mailing_address', case when d.mailing_address is not null then d.source_url end
  ))
  end
from directory as d
on conflict (abbreviation) where organisation_id is null do update
  set name = excluded.name,
      level = excluded.level,
      regime = excluded.regime,
      request_email = excluded.request_email,
      portal_url = excluded.portal_url,
      phone_or_fax = excluded.phone_or_fax,
      mailing_address = excluded.mailing_address,
      source_urls = excluded.source_urls;

-- Receipt cut-offs the agencies publish: requests received after them count as
-- received the next working day (Colorado open-records research for the project:
-- Department of Revenue 3:00 p.m., cdor.colorado.gov/cora; Department of
-- Education 4:30 p.m., the CDE CORA policy).
update public.agencies as a
set receipt_cutoff = c.cutoff::time,
    source_urls = a.source_urls || jsonb_build_object('receipt_cutoff', c.source_url)
from (values
  ('CDOR', '15:00', 'https://cdor.colorado.gov/cora'),
  ('CDE', '16:30', 'https://cde.state.co.us/communications/corapolicy')
) as c (abbreviation, cutoff, source_url)
where a.abbreviation = c.abbreviation and a.organisation_id is null;
