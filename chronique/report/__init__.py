"""Reports and exports: the JSON contract, the run summary, the HTML report."""
