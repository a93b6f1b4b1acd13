"""Everything that touches a store or an output: Neo4j, query presets, Browser style, RDF."""
