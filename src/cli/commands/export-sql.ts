/**
 * `segkit export-sql <model> --dialect duckdb|postgres`: one SELECT that scores a whole table inside
 * the database (preprocessing, segment, confidence, distance, runner-up).
 * @module
 */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { resolvePath } from '../io.js';
import { loadModel } from '../../model/load.js';
import { exportSql } from '../../model/sql/export-sql.js';
import { writeFileAtomic } from '../../model/save.js';
import { SegkitError } from '../../errors.js';
import { msg } from '../../messages.js';
import { EXIT_OK } from '../exit-codes.js';

interface ExportSqlFlags { dialect: string; table: string; id?: string; out?: string }

export function registerExportSql(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('export-sql')
    .summary('SQL that scores a table inside DuckDB or PostgreSQL')
    .description('Write one SELECT statement that computes, inside the database, the preprocessing and the segment, confidence, distance and runner-up of every row of a table. Wrap it in CREATE VIEW … AS or CREATE TABLE … AS to keep the result.')
    .argument('<model>', 'model file written by segkit fit')
    .option('--dialect <name>', "'duckdb' or 'postgres'", 'duckdb')
    .option('--table <name>', 'table (or schema.table) holding the customers', 'customers')
    .option('--id <column>', "customer ID column (default: the model's ID column, else a row number)")
    .option('-o, --out <file>', 'write the SQL to this file instead of stdout')
    .addHelpText('after', '\nExample:\n  segkit export-sql model.json --dialect postgres --table crm.customers > score.sql\n  psql -f score.sql\n')
    .action(async (modelPath: string, flags: ExportSqlFlags) => {
      if (flags.dialect !== 'duckdb' && flags.dialect !== 'postgres')
        throw new SegkitError('E_OPTION', msg.keywordUnknown('SQL dialect', flags.dialect, ['duckdb', 'postgres']), { field: '--dialect' });
      const model = loadModel(resolvePath(io, modelPath));
      const sql = exportSql(model, { dialect: flags.dialect, table: flags.table, ...(flags.id ? { idColumn: flags.id } : {}) });
      if (flags.out) writeFileAtomic(resolvePath(io, flags.out), sql);
      else io.stdout(sql);
      setExit(EXIT_OK);
    });
}
