import { Command } from 'commander';
import { AppError } from '../core/app-error.js';
import { evidenceSigner } from '../reporting/evidence/evidence-crypto.js';
import { configFrom, withCommon, type CommonFlags } from './common-options.js';

export function evidenceCommand(): Command {
  const evidence = new Command('evidence').description('evidence packages');
  evidence.addCommand(
    withCommon(new Command('public-key'))
      .description(
        'print the public key that signs evidence exports (PEM) and its fingerprint: publish both to recipients before they receive an export',
      )
      .action((flags: CommonFlags) => {
        const signer = evidenceSigner(configFrom(flags).evidence);
        if (!signer) throw new AppError('config_invalid', 'evidence.signingKey is not set (WARDEN_EVIDENCE_SIGNING_KEY)');
        process.stdout.write(`${signer.publicKeyPem}fingerprint ${signer.fingerprint}\n`);
      }),
  );
  return evidence;
}
