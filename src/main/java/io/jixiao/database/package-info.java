/** The embedded PostgreSQL of the local run and the tests (a real postgres binary), when no external database is configured. */
package io.jixiao.database;
