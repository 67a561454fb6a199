"""Stage 4, stance: who is cooperative or hostile toward whom, and where actors stand on the issues."""
