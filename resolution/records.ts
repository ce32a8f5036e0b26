// The resolution layer's view of its records: the types live in graph-queries/ (which reads them from Neo4j
// and must not import this layer), re-exported here so resolution code names them from its own folder.
export * from '../graph-queries/resolution-records';
